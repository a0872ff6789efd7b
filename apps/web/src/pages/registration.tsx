import { useState } from 'preact/hooks';
import { ApiError, get, post } from '../api';
import { Alert, Field, Loaded, PageTitle, Problem, useLoad } from '../components/ui';
import { label, REGISTRATION_STATUSES, ROLES, STAKEHOLDER_GROUPS } from '../labels';
import { Link } from '../router';
import { clock, formatDateRange, formatDay, zoneLabel } from '../time';
import type { ConsultationDetails, RegistrationView } from '../types';

/**
 * The participant's own token (returned once, at registration) is what lets them see and
 * withdraw their registration: kept in this tab, and in the personal link shown on the page.
 */
const tokenKey = (registrationId: string) => `convene.participant.${registrationId}`;

export function rememberParticipantToken(registrationId: string, token: string): void {
  sessionStorage.setItem(tokenKey(registrationId), token);
}

function participantToken(registrationId: string): string | null {
  const fromLink = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromLink) {
    rememberParticipantToken(registrationId, fromLink);
    // Out of the address bar (and so out of screenshots and shoulder views) once kept.
    history.replaceState(null, '', window.location.pathname);
    return fromLink;
  }
  return sessionStorage.getItem(tokenKey(registrationId));
}

export function RegistrationPage({ id }: { id: string }) {
  const [token] = useState(() => participantToken(id));
  const [load, reload] = useLoad(async () => {
    const registration = await get<RegistrationView>(`/api/registrations/${id}`, token ?? undefined);
    const consultation = await get<ConsultationDetails>(`/api/consultations/${registration.consultationId}`, null);
    return { registration, consultation };
  }, [id, token]);
  if (load.state === 'error' && load.error instanceof ApiError && (load.error.status === 401 || load.error.status === 403)) {
    return (
      <>
        <PageTitle title="Your registration">Your registration</PageTitle>
        <Alert>Open this page with the personal link you were given when you registered.</Alert>
      </>
    );
  }
  return (
    <Loaded load={load} what="your registration">
      {({ registration: r, consultation: c }) => <Confirmation r={r} c={c} token={token} onChange={reload} />}
    </Loaded>
  );
}

function Confirmation({ r, c, token, onChange }: { r: RegistrationView; c: ConsultationDetails; token: string | null; onChange: () => Promise<void> }) {
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const active = r.status === 'pending' || r.status === 'confirmed' || r.status === 'waitlisted';
  const link = token ? `${window.location.origin}/registrations/${r.registrationId}#token=${token}` : null;
  const zone = zoneLabel(c.timeZone, c.startDate);
  const chosen = c.agenda.filter((a) => r.sessionIds.includes(a.id));

  const withdraw = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await post(`/api/registrations/${r.registrationId}/withdraw`, { reason: reason.trim() || null }, { token: token ?? undefined });
      setDone('Your registration is withdrawn. Thank you for letting us know.');
      setConfirming(false);
      await onChange();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <PageTitle title="Your registration">
        {r.status === 'withdrawn' ? 'Registration withdrawn' : 'Thank you: your registration is received'}
      </PageTitle>
      {done && <Alert kind="success">{done}</Alert>}
      <dl class="facts">
        <dt>Consultation</dt>
        <dd>
          <Link href={`/consultations/${c.id}`}>{c.title}</Link>
        </dd>
        <dt>When and where</dt>
        <dd>
          {formatDateRange(c.startDate, c.endDate)}, {c.venue.city} ({zone})
        </dd>
        <dt>Name</dt>
        <dd>{[r.person.honorific, r.person.givenName, r.person.familyName].filter(Boolean).join(' ')}</dd>
        <dt>Status</dt>
        <dd>
          <strong class={`status status-${r.status}`}>{label(REGISTRATION_STATUSES, r.status)}</strong>
          {r.status === 'pending' && ' — the secretariat reviews every registration and will write to you.'}
          {r.waitlistPosition && ` — number ${r.waitlistPosition} on the waitlist.`}
        </dd>
        <dt>Registered as</dt>
        <dd>
          {label(STAKEHOLDER_GROUPS, r.stakeholderGroup)}, {label(ROLES, r.role)}
          {r.represents.state && ` (${r.represents.state})`}
          {r.represents.organisation && ` (${r.represents.organisation})`}
        </dd>
      </dl>
      {chosen.length > 0 && (
        <>
          <h2>Your sessions</h2>
          <ul class="plain">
            {chosen.map((s) => (
              <li key={s.id}>
                {formatDay(s.day)}, {clock(s.start.local)}–{clock(s.end.local)} ({zone}): {s.title}
              </li>
            ))}
          </ul>
        </>
      )}
      <p class="actions">
        <a class="button secondary" href={`/api/consultations/${c.id}/agenda.ics`} download>
          Download the agenda for your calendar (.ics)
        </a>
      </p>
      {link && (
        <section aria-labelledby="link-title" class="panel">
          <h2 id="link-title">Your personal link</h2>
          <p>Keep this link: it lets you see or withdraw your registration later. Anyone who has it can do the same, so do not share it.</p>
          <Field label="Personal link">{(p) => <input {...p} readOnly value={link} onFocus={(e) => e.currentTarget.select()} />}</Field>
        </section>
      )}
      {active && token && (
        <section aria-labelledby="withdraw-title" class="panel">
          <h2 id="withdraw-title">Withdraw</h2>
          {!confirming ? (
            <button type="button" class="danger" onClick={() => setConfirming(true)}>
              Withdraw my registration…
            </button>
          ) : (
            <form onSubmit={withdraw} class="stack">
              <Field label="Reason (optional)">{(p) => <input {...p} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}</Field>
              <p class="actions">
                <button type="submit" class="danger">
                  Withdraw my registration
                </button>
                <button type="button" class="secondary" onClick={() => setConfirming(false)}>
                  Keep it
                </button>
              </p>
            </form>
          )}
          <Problem error={error} />
        </section>
      )}
    </>
  );
}
