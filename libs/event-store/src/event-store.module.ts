import { type DynamicModule, Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { type Database, createPool, openDatabase } from './database/database.js';
import { runMigrations } from './database/migrate.js';
import { EventRegistry } from './event-registry.js';
import { EventStore } from './event-store.js';
import { type ConveneFeature, migrationsOf, projectionsOf, registryOf } from './feature.js';
import { ProjectionRunner } from './projections/projection-runner.js';

export const DATABASE = Symbol('DATABASE');
export const PG_POOL = Symbol('PG_POOL');
export const FEATURES = Symbol('FEATURES');

export interface EventStoreModuleOptions {
  features: ConveneFeature[];
  /** Follow the store live with projections in this process (false where Kafka feeds them). */
  runProjections?: boolean;
  /** An already open database (tests); otherwise openDatabase() from the environment. */
  database?: Database;
}

/** Starts the in-process projection runner after boot and stops everything on shutdown. */
@Injectable()
class EventStoreLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EventStore');
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(DATABASE) private readonly db: Database & { ownedByModule?: boolean },
    @Inject('RUN_PROJECTIONS') private readonly runProjections: boolean,
  ) {}

  async onApplicationBootstrap() {
    if (this.runProjections) await this.runner.start();
  }

  async onApplicationShutdown() {
    await this.runner.stop();
    await this.pool.end();
    if (this.db.ownedByModule) await this.db.close();
    this.logger.log('event store closed');
  }
}

@Module({})
export class EventStoreModule {
  static forRoot(options: EventStoreModuleOptions): DynamicModule {
    const logger = new Logger('EventStore');
    return {
      module: EventStoreModule,
      global: true,
      providers: [
        { provide: FEATURES, useValue: options.features },
        { provide: 'RUN_PROJECTIONS', useValue: options.runProjections ?? true },
        {
          provide: DATABASE,
          useFactory: async () => {
            const db = options.database ?? Object.assign(await openDatabase(), { ownedByModule: true });
            const applied = await runMigrations(db.url, migrationsOf(options.features));
            if (applied.length > 0) logger.log(`migrations applied: ${applied.join(', ')}`);
            return db;
          },
        },
        {
          provide: PG_POOL,
          inject: [DATABASE],
          useFactory: (db: Database) => createPool(db.url, db.poolSize, { server: db.kind === 'postgres' }),
        },
        {
          provide: EventRegistry,
          useFactory: () => registryOf(options.features),
        },
        {
          provide: EventStore,
          inject: [PG_POOL, EventRegistry],
          useFactory: (pool: pg.Pool, r: EventRegistry) => new EventStore(pool, r),
        },
        {
          provide: ProjectionRunner,
          inject: [EventStore, DATABASE],
          useFactory: (store: EventStore, db: Database) =>
            new ProjectionRunner(store, projectionsOf(options.features), {
              pollMs: db.supportsListen ? 1000 : 100,
              listenUrl: db.supportsListen ? db.url : undefined,
              onError: (name, err) => logger.error(`projection ${name} failed: ${(err as Error).message}`),
            }),
        },
        EventStoreLifecycle,
      ],
      exports: [DATABASE, PG_POOL, EventRegistry, EventStore, ProjectionRunner, FEATURES],
    };
  }
}
