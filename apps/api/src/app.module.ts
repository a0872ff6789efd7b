import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from '@convene/audit';
import { type Database, EventStoreModule, resolveDataDir } from '@convene/event-store';
import { PlatformModule } from '@convene/platform';
import { RegistrationModule } from '@convene/registration';
import { ReportsModule } from '@convene/reports';
import { SchedulingModule } from '@convene/scheduling';
import { SummariesModule } from '@convene/summaries';
import { features } from './features.js';
import { HealthController } from './health/health.controller.js';
import { PgIdempotencyStore } from './pg-idempotency.store.js';

export interface AppOptions {
  /** An already open database (tests); otherwise from DATABASE_URL or the embedded default. */
  database?: Database;
  /** false where the Kafka projector feeds the read models (KAFKA_BROKERS set). */
  runProjections?: boolean;
  dataDir?: string;
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        EventStoreModule.forRoot({ features, database: options.database, runProjections: options.runProjections }),
        PlatformModule.forRoot({
          dataDir: options.database?.dataDir ?? resolveDataDir(options.dataDir),
          idempotencyStore: { useClass: PgIdempotencyStore },
        }),
        SchedulingModule,
        RegistrationModule,
        SummariesModule,
        ReportsModule,
        AuditModule,
      ],
      controllers: [HealthController],
    };
  }
}
