/** Review of registrations: filters, bulk approval, capacity and the waitlist. */
import countries from 'virtual:countries';
import { useState } from 'preact/hooks';
import { get, post } from '../../api';
import { Alert, Field, Loaded, Options, Problem, useLoad } from '../../components/ui';
import { label, REGISTRATION_STATUSES, ROLES, STAKEHOLDER_GROUPS } from '../../labels';
import type { ConsultationDetails, Represents, RosterEntry } from '../../types';

const countryName = new Map(countries.map(([code, name]) => [code, name]));
export const represented = (r: Represents): string => (r.state ? (countryName.get(r.state) ?? r.state) : (r.organisation ?? 'Own capacity'));
export const fullName = (p: RosterEntry['person']): string => [p.honorific, p.givenName, p.familyName].filter(Boolean).join(' ');

interface Roster {
  registrations: RosterEntry[];
}
interface Waitlist {
  waitlist: Array<{ position: number; registrationId: string; name: string; stakeholderGroup: string; represents: Represents }>;
}
interface Outcome {
  registrationId: string;
  status: string;
  waitlistPosition: number | null;
}

export function RegistrationsReview({ c }: { c: ConsultationDetails }) {
  const [filters, setFilters] = useState({ status: '', stakeholderGroup: '', state: '' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const base = `/api/consultations/${c.id}`;
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== '')).toString();
  const [all, reloadAll] = useLoad(async () => {
    const [roster, waitlist] = await Promise.all([get<Roster>(`${base}/roster`), get<Waitlist>(`${base}/waitlist`)]);
    return { roster: roster.registrations, waitlist: waitlist.waitlist };
  }, [c.id]);
  const [shown, reloadShown] = useLoad(() => get<Roster>(`${base}/roster${query ? `?${query}` : ''}`).then((r) => r.registrations), [c.id, query]);

  const approve = async (body: { registrationIds?: string[]; allPending?: boolean }) => {
    setError(null);
    setMessage(null);
    try {
      const { results } = await post<{ results: Outcome[] }>(`${base}/registrations/approve`, body);
      const confirmed = results.filter((r) => r.status === 'confirmed').length;
      const waitlisted = results.filter((r) => r.status === 'waitlisted').length;
      setMessage(`Approved ${results.length}: ${confirmed} confirmed, ${waitlisted} waitlisted.`);
      setSelected(new Set());
      await Promise.all([reloadAll(), reloadShown()]);
    } catch (err) {
      setError(err);
    }
  };

  const setFilter = (key: keyof typeof filters) => (e: Event) => {
    setFilters({ ...filters, [key]: (e.currentTarget as HTMLSelectElement).value });
    setSelected(new Set());
  };

  return (
    <Loaded load={all} what="the registrations">
      {({ roster, waitlist }) => {
        const confirmed = roster.filter((r) => r.status === 'confirmed').length;
        const pending = roster.filter((r) => r.status === 'pending').length;
        const states = [...new Set(roster.map((r) => r.represents.state).filter((s): s is string => Boolean(s)))].sort();
        return (
          <>
            <section aria-labelledby="capacity" class="capacity">
              <h2 id="capacity">Capacity</h2>
              <p>
                <strong>{confirmed}</strong> of {c.capacity} seats confirmed · {Math.max(0, c.capacity - confirmed)} left · {pending} pending · {waitlist.length} on the waitlist
              </p>
              <div class="bar" role="img" aria-label={`${confirmed} of ${c.capacity} seats confirmed`}>
                <span style={{ width: `${Math.min(100, (100 * confirmed) / c.capacity)}%` }} />
              </div>
            </section>
            {message && <Alert kind="success">{message}</Alert>}
            <Problem error={error} />
            <h2>Registrations</h2>
            <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter the registrations">
              <Field id="filter-group" label="Stakeholder group">
                {(p) => (
                  <select {...p} value={filters.stakeholderGroup} onChange={setFilter('stakeholderGroup')}>
                    <option value="">All</option>
                    <Options entries={Object.entries(STAKEHOLDER_GROUPS)} />
                  </select>
                )}
              </Field>
              <Field id="filter-state" label="State">
                {(p) => (
                  <select {...p} value={filters.state} onChange={setFilter('state')}>
                    <option value="">All</option>
                    <Options entries={states.map((s) => [s, countryName.get(s) ?? s] as const)} />
                  </select>
                )}
              </Field>
              <Field id="filter-status" label="Status">
                {(p) => (
                  <select {...p} value={filters.status} onChange={setFilter('status')}>
                    <option value="">All</option>
                    <Options entries={Object.entries(REGISTRATION_STATUSES)} />
                  </select>
                )}
              </Field>
            </form>
            <p class="actions">
              <button type="button" disabled={selected.size === 0} onClick={() => approve({ registrationIds: [...selected] })}>
                Approve selected ({selected.size})
              </button>
              <button type="button" class="secondary" disabled={pending === 0} onClick={() => approve({ allPending: true })}>
                Approve all pending ({pending})
              </button>
            </p>
            <Loaded load={shown} what="the registrations">
              {(rows) => <RosterTable rows={rows} selected={selected} setSelected={setSelected} />}
            </Loaded>
            <h2>Waitlist</h2>
            {waitlist.length === 0 ? (
              <p>Nobody is on the waitlist.</p>
            ) : (
              <ol class="waitlist" aria-label="Waitlist, in the order seats are offered">
                {waitlist.map((w) => (
                  <li key={w.registrationId}>
                    {w.name} — {label(STAKEHOLDER_GROUPS, w.stakeholderGroup)}, {represented(w.represents)}
                  </li>
                ))}
              </ol>
            )}
          </>
        );
      }}
    </Loaded>
  );
}

function RosterTable({ rows, selected, setSelected }: { rows: RosterEntry[]; selected: Set<string>; setSelected: (s: Set<string>) => void }) {
  if (rows.length === 0) return <p>No registration matches these filters.</p>;
  const selectable = rows.filter((r) => r.status === 'pending');
  const allChosen = selectable.length > 0 && selectable.every((r) => selected.has(r.registrationId));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label="Registrations table">
      <table>
        <caption class="visually-hidden">Registrations, in the order they came in</caption>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select every pending registration shown"
                checked={allChosen}
                disabled={selectable.length === 0}
                onChange={(e) => setSelected(e.currentTarget.checked ? new Set(selectable.map((r) => r.registrationId)) : new Set())}
              />
            </th>
            <th scope="col">Name</th>
            <th scope="col">Group</th>
            <th scope="col">Represents</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Personal link</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.registrationId}>
              <td>
                {r.status === 'pending' && (
                  <input
                    type="checkbox"
                    aria-label={`Select ${fullName(r.person)}`}
                    checked={selected.has(r.registrationId)}
                    onChange={(e) => toggle(r.registrationId, e.currentTarget.checked)}
                  />
                )}
              </td>
              <th scope="row">
                {fullName(r.person)}
                <span class="muted small block">{r.person.email}</span>
              </th>
              <td>{label(STAKEHOLDER_GROUPS, r.stakeholderGroup)}</td>
              <td>{represented(r.represents)}</td>
              <td>{label(ROLES, r.role)}</td>
              <td>
                <span class={`status status-${r.status}`}>{label(REGISTRATION_STATUSES, r.status)}</span>
              </td>
              <td>{!r.erased && <ParticipantLink registrationId={r.registrationId} name={fullName(r.person)} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * For a participant who lost their link: a new one, to send to the address on file. Issuing it is
 * recorded (who gave access, and when); the link is shown once, here.
 */
function ParticipantLink({ registrationId, name }: { registrationId: string; name: string }) {
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const issue = async () => {
    setError(null);
    try {
      const reply = await post<{ link: string }>(`/api/registrations/${registrationId}/participant-link`);
      setLink(`${window.location.origin}${reply.link}`);
    } catch (err) {
      setError(err);
    }
  };
  if (link) {
    return <input type="text" readOnly value={link} aria-label={`New personal link for ${name}`} onFocus={(e) => e.currentTarget.select()} />;
  }
  return (
    <>
      <button type="button" class="link" onClick={issue} aria-label={`New link for ${name}`}>
        New link
      </button>
      {error !== null && <Problem error={error} />}
    </>
  );
}
