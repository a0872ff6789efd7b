import { describe, it } from '@jest/globals';
import { createServerDatabase, hasServer } from '../../../test/support/databases.js';
import { storeContract } from './event-store.contract.js';

if (hasServer()) storeContract('PostgreSQL server', () => createServerDatabase());
else describe('event store contract (PostgreSQL server)', () => it.todo('needs a PostgreSQL server (DATABASE_URL)'));
