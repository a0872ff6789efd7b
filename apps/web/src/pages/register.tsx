import countries from 'virtual:countries';
import { useRef, useState } from 'preact/hooks';
import { ApiError, get, post } from '../api';
import { Field, Loaded, Options, PageTitle, useLoad } from '../components/ui';
import { explainField, explainRule, GENDERS, ROLES, STAKEHOLDER_GROUPS, STATE_GROUPS } from '../labels';
import { navigate } from '../router';
import { clock, formatDay, formatInstant, zoneLabel } from '../time';
import type { ConsultationDetails } from '../types';
import { rememberParticipantToken } from './registration';

interface Form {
  honorific: string;
  givenName: string;
  familyName: string;
  email: string;
  gender: string;
  nationality: string;
  affiliation: string;
  jobTitle: string;
  stakeholderGroup: string;
  state: string;
  organisation: string;
  role: string;
  sessionIds: string[];
  accessNeeds: string;
  publicListingConsent: boolean;
}

const EMPTY: Form = {
  honorific: '',
  givenName: '',
  familyName: '',
  email: '',
  gender: '',
  nationality: '',
  affiliation: '',
  jobTitle: '',
  stakeholderGroup: '',
  state: '',
  organisation: '',
  role: '',
  sessionIds: [],
  accessNeeds: '',
  publicListingConsent: false,
};

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function body(f: Form) {
  const stateGroup = STATE_GROUPS.includes(f.stakeholderGroup);
  return {
    person: {
      honorific: orNull(f.honorific),
      givenName: f.givenName,
      familyName: f.familyName,
      email: f.email,
      ...(f.gender && { gender: f.gender }),
      nationality: orNull(f.nationality),
      affiliation: orNull(f.affiliation),
      jobTitle: orNull(f.jobTitle),
    },
    ...(f.stakeholderGroup && { stakeholderGroup: f.stakeholderGroup }),
    represents: stateGroup ? { state: orNull(f.state) } : { organisation: orNull(f.organisation) },
    ...(f.role && { role: f.role }),
    sessionIds: f.sessionIds,
    accessNeeds: orNull(f.accessNeeds),
    publicListingConsent: f.publicListingConsent,
  };
}

/** Where a problem belongs: field paths of the form, from `errors[]` or a rule's own `field`. */
function errorsByField(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of error.problem.errors ?? []) out[e.field] ??= explainField(e);
  const field = error.problem.field;
  if (typeof field === 'string') out[field === 'represents' ? 'represents.state' : field] ??= explainRule(error);
  return out;
}

const FIELD_ORDER = [
  'person.givenName',
  'person.familyName',
  'person.email',
  'person.nationality',
  'stakeholderGroup',
  'represents.state',
  'represents.organisation',
  'role',
  'sessionIds',
  'accessNeeds',
];

export function RegisterPage({ id }: { id: string }) {
  const [load] = useLoad(() => get<ConsultationDetails>(`/api/consultations/${id}`, null), [id]);
  return <Loaded load={load} what="the consultation">{(c) => <RegistrationForm c={c} />}</Loaded>;
}

function RegistrationForm({ c }: { c: ConsultationDetails }) {
  const [form, setForm] = useState<Form>(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [existing, setExisting] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const errors = errorsByField(error);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const text = (key: keyof Form) => ({
    value: form[key] as string,
    onInput: (e: Event) => set(key, (e.currentTarget as HTMLInputElement).value as never),
  });
  const stateGroup = STATE_GROUPS.includes(form.stakeholderGroup);
  const sessions = c.agenda.filter((a) => a.status === 'scheduled');
  const closedIds = error instanceof ApiError && Array.isArray(error.problem.sessionIds) ? (error.problem.sessionIds as string[]) : [];
  const zone = zoneLabel(c.timeZone, c.startDate);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setExisting(null);
    try {
      const reply = await post<{ registrationId: string; status: string; existing: boolean; participantToken?: string }>(
        `/api/consultations/${c.id}/registrations`,
        body(form),
        { token: null },
      );
      if (reply.existing) {
        setExisting(reply.status);
        return;
      }
      if (reply.participantToken) rememberParticipantToken(reply.registrationId, reply.participantToken);
      navigate(`/registrations/${reply.registrationId}`);
    } catch (err) {
      setError(err);
      // The summary of problems takes the focus, so that it is read out first.
      setTimeout(() => summaryRef.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };

  if (c.registration.status !== 'open') {
    return (
      <>
        <PageTitle title={`Register: ${c.title}`}>Register for {c.title}</PageTitle>
        <p class="alert alert-info">Registration for this consultation is {c.registration.status === 'closed' ? 'closed' : 'not open yet'}.</p>
      </>
    );
  }

  const listed = FIELD_ORDER.filter((f) => errors[f]);
  return (
    <>
      <PageTitle title={`Register: ${c.title}`}>Register for {c.title}</PageTitle>
      <p>
        {formatDay(c.startDate)}
        {c.endDate !== c.startDate && ` to ${formatDay(c.endDate)}`}, {c.venue.city}. Registration closes{' '}
        {c.registration.deadline ? formatInstant(c.registration.deadline.utc, c.timeZone) : 'when the secretariat closes it'}.
      </p>
      {error !== null && (
        <div class="alert alert-error" role="alert" tabIndex={-1} ref={summaryRef}>
          <h2 class="alert-title">The registration was not sent</h2>
          {listed.length > 0 ? (
            <ul>
              {listed.map((f) => (
                <li key={f}>
                  <a href={`#${f === 'represents.state' && !stateGroup ? 'represents.organisation' : f}`}>{errors[f]}</a>
                </li>
              ))}
            </ul>
          ) : (
            <p>{error instanceof ApiError ? explainRule(error) : String(error)}</p>
          )}
        </div>
      )}
      {existing && (
        <p class="alert alert-info" role="status">
          This e-mail address is already registered for this consultation (status: {existing}). The secretariat will write to you.
        </p>
      )}
      <form onSubmit={submit} noValidate class="stack">
        <fieldset>
          <legend>About you</legend>
          <div class="grid-2">
            <Field label="Title (Ms., Mr., Dr., H.E. …)">{(p) => <input {...p} autoComplete="honorific-prefix" {...text('honorific')} />}</Field>
            <span />
            <Field id="person.givenName" label="Given name" required error={errors['person.givenName']}>
              {(p) => <input {...p} name="person.givenName" autoComplete="given-name" {...text('givenName')} />}
            </Field>
            <Field id="person.familyName" label="Family name" required error={errors['person.familyName']}>
              {(p) => <input {...p} name="person.familyName" autoComplete="family-name" {...text('familyName')} />}
            </Field>
          </div>
          <Field id="person.email" label="E-mail address" required error={errors['person.email']} hint="The secretariat writes to you here.">
            {(p) => <input {...p} name="person.email" type="email" autoComplete="email" {...text('email')} />}
          </Field>
          <div class="grid-2">
            <Field label="Gender" hint="Optional; used only for gender-balance figures.">
              {(p) => (
                <select {...p} value={form.gender} onChange={(e) => set('gender', e.currentTarget.value)}>
                  <option value="">—</option>
                  <Options entries={Object.entries(GENDERS)} />
                </select>
              )}
            </Field>
            <Field id="person.nationality" label="Nationality" error={errors['person.nationality']}>
              {(p) => (
                <select {...p} name="person.nationality" value={form.nationality} onChange={(e) => set('nationality', e.currentTarget.value)}>
                  <option value="">—</option>
                  <Options entries={countries.map(([code, name]) => [code, name] as const)} />
                </select>
              )}
            </Field>
            <Field label="Affiliation">{(p) => <input {...p} autoComplete="organization" {...text('affiliation')} />}</Field>
            <Field label="Job title">{(p) => <input {...p} autoComplete="organization-title" {...text('jobTitle')} />}</Field>
          </div>
        </fieldset>

        <fieldset>
          <legend>Whom you represent</legend>
          <Field id="stakeholderGroup" label="Stakeholder group" required error={errors.stakeholderGroup}>
            {(p) => (
              <select {...p} name="stakeholderGroup" value={form.stakeholderGroup} onChange={(e) => set('stakeholderGroup', e.currentTarget.value)}>
                <option value="">Choose…</option>
                <Options entries={Object.entries(STAKEHOLDER_GROUPS)} />
              </select>
            )}
          </Field>
          {stateGroup ? (
            <Field id="represents.state" label="State represented" required error={errors['represents.state']}>
              {(p) => (
                <select {...p} name="represents.state" value={form.state} onChange={(e) => set('state', e.currentTarget.value)}>
                  <option value="">Choose…</option>
                  <Options entries={countries.filter(([, , delegation]) => delegation).map(([code, name]) => [code, name] as const)} />
                </select>
              )}
            </Field>
          ) : (
            <Field
              id="represents.organisation"
              label="Organisation represented"
              required={form.stakeholderGroup === 'un-entity' || form.stakeholderGroup === 'regional-organization'}
              error={errors['represents.organisation'] ?? errors['represents.state']}
              hint="Leave empty if you come in your own capacity."
            >
              {(p) => <input {...p} name="represents.organisation" {...text('organisation')} />}
            </Field>
          )}
          <Field id="role" label="Role" required error={errors.role}>
            {(p) => (
              <select {...p} name="role" value={form.role} onChange={(e) => set('role', e.currentTarget.value)}>
                <option value="">Choose…</option>
                <Options entries={Object.entries(ROLES)} />
              </select>
            )}
          </Field>
        </fieldset>

        <fieldset aria-describedby={errors.sessionIds ? 'sessions-error' : undefined} class={errors.sessionIds ? 'field-invalid' : ''}>
          <legend id="sessionIds" tabIndex={-1}>
            Sessions you will attend
          </legend>
          <p class="hint">
            Times at the venue, {zone}.
            {c.regionalOrganisation && ` Closed sessions are for the delegates of the member States of ${c.regionalOrganisation.name}.`}
          </p>
          {errors.sessionIds && (
            <p class="field-error" id="sessions-error">
              <span aria-hidden="true">⚠ </span>
              {errors.sessionIds}
            </p>
          )}
          {sessions.length === 0 && <p>The agenda has no sessions yet.</p>}
          {sessions.map((s) => (
            <div class={`check${closedIds.includes(s.id) ? ' check-invalid' : ''}`} key={s.id}>
              <input
                type="checkbox"
                id={`session-${s.id}`}
                checked={form.sessionIds.includes(s.id)}
                onChange={(e) => set('sessionIds', e.currentTarget.checked ? [...form.sessionIds, s.id] : form.sessionIds.filter((x) => x !== s.id))}
              />
              <label for={`session-${s.id}`}>
                {s.title}
                <span class="muted small">
                  {' '}
                  — {formatDay(s.day)}, {clock(s.start.local)}–{clock(s.end.local)}
                  {s.access === 'closed' && ' · closed session'}
                </span>
              </label>
            </div>
          ))}
        </fieldset>

        <fieldset>
          <legend>Anything else</legend>
          <Field id="accessNeeds" label="Access needs" hint="Wheelchair access, interpretation, dietary needs …" error={errors.accessNeeds}>
            {(p) => <textarea {...p} name="accessNeeds" rows={3} value={form.accessNeeds} onInput={(e) => set('accessNeeds', e.currentTarget.value)} />}
          </Field>
          <div class="check">
            <input type="checkbox" id="consent" checked={form.publicListingConsent} onChange={(e) => set('publicListingConsent', e.currentTarget.checked)} />
            <label for="consent">List my name and affiliation in the public list of participants</label>
          </div>
        </fieldset>
        <p>
          <button type="submit" disabled={busy} aria-busy={busy}>
            {busy ? 'Sending…' : 'Register'}
          </button>
        </p>
      </form>
    </>
  );
}
