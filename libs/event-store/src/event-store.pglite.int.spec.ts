import { createEmbeddedDatabase } from '../../../test/support/databases.js';
import { storeContract } from './event-store.contract.js';

storeContract('embedded PGlite', () => createEmbeddedDatabase());
