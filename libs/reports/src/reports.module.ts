import { Module } from '@nestjs/common';
import { RegistrationModule } from '@convene/registration';
import { SchedulingModule } from '@convene/scheduling';
import { SummariesModule } from '@convene/summaries';
import { ReportsController } from './http/reports.controller.js';
import { Reports } from './reports.js';
import { ReadModelSource } from './sources/read-model-source.js';

/**
 * Outcome documents over HTTP and for the CLI: Chair's summaries, series reports and participation
 * reports, from the read models or as of an instant. Reads only: it appends nothing and has no
 * projection of its own. Needs the event store and platform modules of the app.
 */
@Module({
  imports: [SchedulingModule, RegistrationModule, SummariesModule],
  controllers: [ReportsController],
  providers: [ReadModelSource, Reports],
  exports: [Reports],
})
export class ReportsModule {}
