import { useState } from 'preact/hooks';
import { get, post } from '../../api';
import { session } from '../../auth';
import { Alert, DownloadButton, Field, Loaded, PageTitle, Problem, useLoad } from '../../components/ui';
import { Link } from '../../router';
import { useSignal } from '../../signal';
import { formatDateRange, zoneLabel } from '../../time';
import type { ConsultationDetails } from '../../types';
import { AgendaEditor } from './agenda';
import { CheckIn } from './check-in';
import { RegistrationsReview } from './registrations';
import { SummaryWorkspace } from './summary-editor';

const TABS = [
  { path: '', label: 'Agenda', roles: ['secretariat'] },
  { path: 'registrations', label: 'Registrations', roles: ['secretariat'] },
  { path: 'check-in', label: 'Check-in', roles: ['secretariat'] },
  { path: 'summary', label: 'Chair’s summary', roles: ['secretariat', 'chair'] },
  { path: 'downloads', label: 'Downloads', roles: ['secretariat', 'chair'] },
] as const;

export function ManageConsultation({ id, tab }: { id: string; tab: string }) {
  const s = useSignal(session);
  const [load, reload] = useLoad(() => get<ConsultationDetails>(`/api/consultations/${id}`), [id]);
  const tabs = TABS.filter((t) => (t.roles as readonly string[]).includes(s?.role ?? ''));
  const current = tabs.find((t) => t.path === tab) ?? tabs[0];
  return (
    <Loaded load={load} what="the consultation">
      {(c) => (
        <>
          <p class="breadcrumbs">
            <Link href="/manage">Manage</Link> › <Link href={`/manage/series/${c.seriesId}`}>Series</Link>
          </p>
          <PageTitle title={`${current?.label ?? ''}: ${c.title}`}>{c.title}</PageTitle>
          <p>
            {formatDateRange(c.startDate, c.endDate)} · {c.venue.city}, {c.venue.countryName} · {zoneLabel(c.timeZone, c.startDate)} · {c.capacity} seats ·{' '}
            <span class={`badge badge-${c.status}`}>{c.status}</span> · registration {c.registration.status.replace('-', ' ')} ·{' '}
            <Link href={`/consultations/${c.id}`}>public page</Link>
          </p>
          {s?.role === 'secretariat' && <Lifecycle c={c} reload={reload} />}
          <nav aria-label="Consultation" class="tabs">
            <ul>
              {tabs.map((t) => (
                <li key={t.path}>
                  <Link href={`/manage/consultations/${c.id}${t.path ? `/${t.path}` : ''}`} aria-current={t === current ? 'page' : undefined}>
                    {t.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {current?.path === '' && <AgendaEditor c={c} reload={reload} />}
          {current?.path === 'registrations' && <RegistrationsReview c={c} />}
          {current?.path === 'check-in' && <CheckIn c={c} />}
          {current?.path === 'summary' && <SummaryWorkspace c={c} />}
          {current?.path === 'downloads' && <Downloads c={c} />}
        </>
      )}
    </Loaded>
  );
}

/** Announce, open and close registration: the consultation's own steps. */
function Lifecycle({ c, reload }: { c: ConsultationDetails; reload: () => Promise<void> }) {
  const [deadline, setDeadline] = useState(`${c.startDate}T00:00`);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const act = async (path: string, body: unknown, text: string) => {
    setError(null);
    try {
      await post(`/api/consultations/${c.id}/${path}`, body);
      setMessage(text);
      await reload();
    } catch (err) {
      setError(err);
    }
  };
  if (c.status === 'cancelled') return null;
  return (
    <div class="lifecycle">
      {message && <Alert kind="success">{message}</Alert>}
      <Problem error={error} />
      {c.status === 'draft' && (
        <p>
          <button type="button" onClick={() => act('announce', {}, 'Announced: the consultation is public now.')}>
            Announce the consultation
          </button>
        </p>
      )}
      {c.status === 'announced' && c.registration.status !== 'open' && (
        <form
          class="inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void act('open-registration', { deadline }, 'Registration is open.');
          }}
        >
          <Field id="deadline" label={`Registration deadline (${zoneLabel(c.timeZone, c.startDate)})`}>
            {(p) => <input {...p} type="datetime-local" value={deadline} onInput={(e) => setDeadline(e.currentTarget.value)} />}
          </Field>
          <button type="submit">Open registration</button>
        </form>
      )}
      {c.registration.status === 'open' && (
        <p>
          <button type="button" class="secondary" onClick={() => act('close-registration', {}, 'Registration is closed.')}>
            Close registration
          </button>
        </p>
      )}
    </div>
  );
}

function Downloads({ c }: { c: ConsultationDetails }) {
  const s = useSignal(session);
  const base = `/api/consultations/${c.id}`;
  return (
    <>
      {s?.role === 'secretariat' && (
        <section aria-labelledby="dl-roster">
          <h2 id="dl-roster">Roster</h2>
          <p class="actions">
            <DownloadButton path={`${base}/roster.csv`}>Roster (CSV)</DownloadButton>
            <DownloadButton path={`${base}/roster.xlsx`}>Roster (Excel)</DownloadButton>
          </p>
        </section>
      )}
      {s?.role === 'secretariat' && (
        <section aria-labelledby="dl-participation">
          <h2 id="dl-participation">Participation report</h2>
          <p class="actions">
            <DownloadButton path={`${base}/participation/report?format=html`}>Participation report (HTML)</DownloadButton>
            <DownloadButton path={`${base}/participation/report?format=csv`}>Participation figures (CSV)</DownloadButton>
          </p>
        </section>
      )}
      <section aria-labelledby="dl-summary">
        <h2 id="dl-summary">Chair’s summary</h2>
        <p class="actions">
          <DownloadButton path={`${base}/summary/document?format=docx`}>Summary (Word)</DownloadButton>
          <DownloadButton path={`${base}/summary/document?format=pdf`}>Summary (PDF)</DownloadButton>
          <DownloadButton path={`${base}/summary/document?format=html`}>Summary (HTML)</DownloadButton>
          <DownloadButton path={`${base}/summary/document?format=md`}>Summary (Markdown)</DownloadButton>
        </p>
      </section>
      <section aria-labelledby="dl-series">
        <h2 id="dl-series">Series report</h2>
        <p class="actions">
          <DownloadButton path={`/api/series/${c.seriesId}/report?format=docx`}>Series report (Word)</DownloadButton>
          <DownloadButton path={`/api/series/${c.seriesId}/report?format=pdf`}>Series report (PDF)</DownloadButton>
        </p>
      </section>
      <section aria-labelledby="dl-calendar">
        <h2 id="dl-calendar">Calendars</h2>
        <p class="actions">
          <a class="button secondary" href={`${base}/agenda.ics`} download>
            Agenda (.ics)
          </a>
          <a class="button secondary" href={`/api/series/${c.seriesId}/calendar.ics`} download>
            Whole series (.ics)
          </a>
        </p>
      </section>
    </>
  );
}
