import { get } from '../api';
import { Loaded, PageTitle, useLoad } from '../components/ui';
import { Link } from '../router';
import { formatDateRange, zoneLabel } from '../time';
import type { ConsultationSummary } from '../types';

/** Every consultation the caller may see (announced ones for the public), soonest last-first. */
export function HomePage() {
  const [load] = useLoad(() => get<{ items: ConsultationSummary[] }>('/api/consultations'), []);
  return (
    <>
      <PageTitle title="Consultations">Consultations and workshops</PageTitle>
      <p class="lead">Regional consultations and workshops of the disarmament secretariat: agendas, registration and the Chair’s summaries.</p>
      <Loaded load={load} what="consultations">
        {({ items }) => (items.length === 0 ? <p>No consultation has been announced yet.</p> : <ConsultationList items={[...items].reverse()} />)}
      </Loaded>
    </>
  );
}

export function ConsultationList({ items, manage = false }: { items: ConsultationSummary[]; manage?: boolean }) {
  return (
    <ul class="cards">
      {items.map((c) => (
        <li key={c.id} class="card">
          <h2 class="card-title">
            <Link href={manage ? `/manage/consultations/${c.id}` : `/consultations/${c.id}`}>{c.title}</Link>
          </h2>
          <p>
            {formatDateRange(c.startDate, c.endDate)} · {c.venue.city}, {c.venue.countryName}
          </p>
          <p class="muted small">
            Times in {zoneLabel(c.timeZone, c.startDate)}
            {c.regionalOrganisation && <> · with {c.regionalOrganisation.name}</>}
            {c.hostMeeting && <> · alongside {c.hostMeeting}</>}
          </p>
          <p class="badges">
            {c.status !== 'announced' && <span class={`badge badge-${c.status}`}>{c.status === 'draft' ? 'Draft' : 'Cancelled'}</span>}
            {c.postponed && <span class="badge">Postponed</span>}
            {c.registration.status === 'open' && <span class="badge badge-open">Registration open</span>}
          </p>
        </li>
      ))}
    </ul>
  );
}
