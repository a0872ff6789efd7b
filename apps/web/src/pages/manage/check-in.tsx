/**
 * Check-in at the door: type part of a name, the first match is highlighted, Enter checks them
 * in (arrow keys move the highlight). The search box is an ARIA combobox, so a screen reader
 * follows the highlighted person too.
 */
import { useRef, useState } from 'preact/hooks';
import { get, post } from '../../api';
import { Field, Loaded, Options, Problem, useLoad } from '../../components/ui';
import { label, STAKEHOLDER_GROUPS } from '../../labels';
import { daysBetween, formatDay, todayAt, zoneLabel } from '../../time';
import type { ConsultationDetails, RosterEntry } from '../../types';
import { fullName, represented } from './registrations';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function CheckIn({ c }: { c: ConsultationDetails }) {
  const days = daysBetween(c.startDate, c.endDate);
  const today = todayAt(c.timeZone);
  const [day, setDay] = useState(days.includes(today) ? today : days[0]!);
  const [search, setSearch] = useState('');
  const [highlight, setHighlight] = useState(0);
  const [announce, setAnnounce] = useState('');
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);
  const [load, reload] = useLoad(() => get<{ registrations: RosterEntry[] }>(`/api/consultations/${c.id}/roster?status=confirmed`).then((r) => r.registrations), [c.id]);

  const checkedIn = (r: RosterEntry) => r.attendance.some((a) => a.day === day && a.sessionId === null);

  const act = async (r: RosterEntry, undo = false) => {
    setError(null);
    try {
      await post(`/api/registrations/${r.registrationId}/${undo ? 'undo-check-in' : 'check-in'}`, { day });
      setAnnounce(`${undo ? 'Check-in undone for' : 'Checked in:'} ${fullName(r.person)}, ${formatDay(day)}.`);
      setSearch('');
      setHighlight(0);
      await reload();
    } catch (err) {
      setError(err);
    }
    input.current?.focus();
  };

  return (
    <Loaded load={load} what="the confirmed participants">
      {(all) => {
        const terms = fold(search).split(/\s+/).filter(Boolean);
        const matches = all.filter((r) => {
          const name = fold(fullName(r.person));
          return terms.every((t) => name.includes(t));
        });
        const shown = matches.slice(0, 50);
        const current = shown[Math.min(highlight, shown.length - 1)];
        const count = all.filter(checkedIn).length;
        const onKeyDown = (e: KeyboardEvent) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setHighlight((h) => Math.min(h + 1, shown.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setHighlight((h) => Math.max(h - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            if (!current) setAnnounce('Nobody matches: check the spelling.');
            else if (checkedIn(current)) setAnnounce(`${fullName(current.person)} is already checked in for ${formatDay(day)}.`);
            else void act(current);
          } else if (e.key === 'Escape') {
            setSearch('');
            setHighlight(0);
          }
        };
        return (
          <>
            <div class="grid-2">
              <Field id="check-in-day" label="Day" hint={`At the venue: ${zoneLabel(c.timeZone, day)}`}>
                {(p) => (
                  <select {...p} value={day} onChange={(e) => setDay(e.currentTarget.value)}>
                    <Options entries={days.map((d) => [d, formatDay(d)] as const)} />
                  </select>
                )}
              </Field>
              <p class="count" aria-live="polite">
                <strong>{count}</strong> of {all.length} confirmed participants checked in
              </p>
            </div>
            <Field id="check-in-search" label="Search by name" hint="Type part of a name; Enter checks in the highlighted person, the arrow keys move the highlight.">
              {(p) => (
                <input
                  {...p}
                  ref={input}
                  type="search"
                  role="combobox"
                  list={undefined}
                  autoComplete="off"
                  spellcheck={false}
                  aria-expanded={shown.length > 0}
                  aria-controls="check-in-list"
                  aria-autocomplete="list"
                  aria-activedescendant={current ? `person-${current.registrationId}` : undefined}
                  value={search}
                  onInput={(e) => {
                    setSearch(e.currentTarget.value);
                    setHighlight(0);
                  }}
                  onKeyDown={onKeyDown}
                />
              )}
            </Field>
            <p class="announce" role="status" aria-live="assertive">
              {announce}
            </p>
            <Problem error={error} />
            <ul id="check-in-list" role="listbox" aria-label="Confirmed participants" class="check-in-list">
              {shown.map((r) => {
                const isCurrent = r === current;
                const done = checkedIn(r);
                return (
                  <li
                    key={r.registrationId}
                    id={`person-${r.registrationId}`}
                    role="option"
                    aria-selected={isCurrent}
                    class={`${isCurrent ? 'highlighted' : ''}${done ? ' done' : ''}`}
                    onClick={() => (done ? undefined : void act(r))}
                  >
                    <span class="who">
                      <strong>{fullName(r.person)}</strong>
                      <span class="muted small">
                        {' '}
                        {label(STAKEHOLDER_GROUPS, r.stakeholderGroup)}, {represented(r.represents)}
                      </span>
                    </span>
                    <span class="state">{done ? '✓ Checked in' : isCurrent ? 'Press Enter to check in' : ''}</span>
                  </li>
                );
              })}
            </ul>
            {matches.length > shown.length && <p class="muted">{matches.length - shown.length} more: type more of the name.</p>}
            {all.length === 0 && <p>No confirmed participant yet.</p>}
            <CheckedInList all={all.filter(checkedIn)} onUndo={(r) => act(r, true)} />
          </>
        );
      }}
    </Loaded>
  );
}

function CheckedInList({ all, onUndo }: { all: RosterEntry[]; onUndo: (r: RosterEntry) => void }) {
  if (all.length === 0) return null;
  return (
    <details class="panel">
      <summary>Checked in today ({all.length}) — undo a mistake</summary>
      <ul class="plain">
        {all.map((r) => (
          <li key={r.registrationId}>
            {fullName(r.person)}{' '}
            <button type="button" class="link" onClick={() => onUndo(r)}>
              Undo check-in of {fullName(r.person)}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
