import { ApiError, get } from '../api';
import { AgendaList } from '../components/agenda';
import { Loaded, PageTitle, useLoad } from '../components/ui';
import { LANGUAGES, label } from '../labels';
import { Link } from '../router';
import { formatDateRange, formatInstant, zoneLabel } from '../time';
import type { ConsultationDetails, SeriesOverview, Summary } from '../types';

/** A published summary, or null while there is none (drafts are 404 to the public). */
export async function publishedSummary(id: string): Promise<Summary | null> {
  try {
    return await get<Summary>(`/api/consultations/${id}/summary`, null);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function ConsultationFacts({ c }: { c: ConsultationDetails }) {
  return (
    <dl class="facts">
      <dt>Dates</dt>
      <dd>{formatDateRange(c.startDate, c.endDate)}</dd>
      <dt>Venue</dt>
      <dd>
        {c.venue.city}, {c.venue.countryName}
      </dd>
      <dt>Time zone</dt>
      <dd>{zoneLabel(c.timeZone, c.startDate)}</dd>
      {c.regionalOrganisation && (
        <>
          <dt>Regional organisation</dt>
          <dd>{c.regionalOrganisation.name}</dd>
        </>
      )}
      {c.hostMeeting && (
        <>
          <dt>Held alongside</dt>
          <dd>{c.hostMeeting}</dd>
        </>
      )}
      <dt>Working languages</dt>
      <dd>{c.workingLanguages.map((l) => label(LANGUAGES, l)).join(', ')}</dd>
      <dt>Registration</dt>
      <dd>
        {c.registration.status === 'open'
          ? `Open${c.registration.deadline ? ` until ${formatInstant(c.registration.deadline.utc, c.timeZone)}` : ''}`
          : c.registration.status === 'closed'
            ? 'Closed'
            : 'Not open yet'}
      </dd>
    </dl>
  );
}

export function ConsultationPage({ id }: { id: string }) {
  const [load] = useLoad(async () => {
    const [consultation, summary] = await Promise.all([get<ConsultationDetails>(`/api/consultations/${id}`), publishedSummary(id)]);
    return { consultation, summary };
  }, [id]);
  return (
    <Loaded load={load} what="the consultation">
      {({ consultation: c, summary }) => (
        <>
          <PageTitle title={c.title}>{c.title}</PageTitle>
          {c.status === 'cancelled' && <p class="alert alert-error">This consultation was cancelled{c.cancellation?.reason ? `: ${c.cancellation.reason}` : ''}.</p>}
          <ConsultationFacts c={c} />
          <p class="actions">
            {c.registration.status === 'open' && c.status === 'announced' && (
              <Link class="button" href={`/consultations/${c.id}/register`}>
                Register
              </Link>
            )}
            <a class="button secondary" href={`/api/consultations/${c.id}/agenda.ics`} download>
              Add the agenda to your calendar (.ics)
            </a>
            {summary && (
              <Link class="button secondary" href={`/consultations/${c.id}/summary`}>
                Read the Chair’s summary
              </Link>
            )}
            <Link class="button secondary" href={`/series/${c.seriesId}`}>
              The series
            </Link>
          </p>
          <h2>Agenda</h2>
          <AgendaList agenda={c.agenda} zone={zoneLabel(c.timeZone, c.startDate)} />
        </>
      )}
    </Loaded>
  );
}

/** "Organised by UNODA with UNIDIR, under A/RES/73/266 (…)." */
export function SeriesByline({ s }: { s: SeriesOverview }) {
  return (
    <p>
      Organised by {s.organiser}
      {s.partners.length > 0 && ` with ${s.partners.join(', ')}`}
      {s.mandate && `, under ${s.mandate.symbol} (${s.mandate.title})`}.
    </p>
  );
}

export function SeriesPage({ id }: { id: string }) {
  const [load] = useLoad(() => get<SeriesOverview>(`/api/series/${id}`), [id]);
  return (
    <Loaded load={load} what="the series">
      {(s) => (
        <>
          <PageTitle title={s.title}>{s.title}</PageTitle>
          <SeriesByline s={s} />
          {s.description && <p>{s.description}</p>}
          <h2>Consultations</h2>
          <ul class="plain">
            {s.consultations.map((c) => (
              <li key={c.id}>
                <Link href={`/consultations/${c.id}`}>{c.title}</Link> — {formatDateRange(c.startDate, c.endDate)}, {c.venue.city} ({zoneLabel(c.timeZone, c.startDate)})
              </li>
            ))}
          </ul>
        </>
      )}
    </Loaded>
  );
}
