import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { collectionEtag } from '../collection-etag.js';
import { ReferenceNames } from '../reference-names.js';
import { SchedulingReadModels } from '../scheduling-read-models.js';
import { GetConsultationAgendaICalendar, GetSeriesICalendar, type ICalendarDocument } from './icalendar.queries.js';
import { buildICalendar } from './icalendar.js';

@QueryHandler(GetConsultationAgendaICalendar)
export class GetConsultationAgendaICalendarHandler implements IQueryHandler<GetConsultationAgendaICalendar> {
  constructor(
    private readonly readModels: SchedulingReadModels,
    private readonly names: ReferenceNames,
  ) {}

  async execute({ consultationId, viewer }: GetConsultationAgendaICalendar): Promise<ICalendarDocument> {
    const row = await this.readModels.visibleConsultation(consultationId, viewer);
    return { ics: buildICalendar(row.doc.consultation!.title, [row.doc], this.names.countries), etag: row.version };
  }
}

@QueryHandler(GetSeriesICalendar)
export class GetSeriesICalendarHandler implements IQueryHandler<GetSeriesICalendar> {
  constructor(
    private readonly readModels: SchedulingReadModels,
    private readonly names: ReferenceNames,
  ) {}

  async execute({ seriesId, viewer }: GetSeriesICalendar): Promise<ICalendarDocument> {
    const { series, consultations } = await this.readModels.visibleSeries(seriesId, viewer);
    const members = [{ id: seriesId, version: series.version }, ...consultations.map((c) => ({ id: c.doc.consultation!.consultationId, version: c.version }))];
    return {
      ics: buildICalendar(series.doc.series!.title, consultations.map((c) => c.doc), this.names.countries),
      etag: collectionEtag(members),
    };
  }
}
