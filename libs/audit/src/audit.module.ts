import { Module } from '@nestjs/common';
import { AuditController } from './consultation-audit/audit.controller.js';
import { AuditQueries } from './consultation-audit/audit.queries.js';

/** The audit trail over HTTP. Needs the event store (with auditFeature) and the platform module of the app. */
@Module({
  controllers: [AuditController],
  providers: [AuditQueries],
  exports: [AuditQueries],
})
export class AuditModule {}
