/**
 * The agenda as a timetable in the venue's time zone: a column per day, sessions placed by their
 * venue wall-clock times (parallel sessions side by side), each one a button that opens its
 * editor. On a phone the grid becomes a list in time order.
 */
import { useState } from 'preact/hooks';
import { ApiError, post } from '../../api';
import { Alert, Field, Options, Problem } from '../../components/ui';
import { explainField, explainRule, label, SESSION_KINDS } from '../../labels';
import { clock, daysBetween, formatDay, formatShortDay, minutesOf, zoneLabel } from '../../time';
import type { AgendaItem, ConsultationDetails } from '../../types';

const SLOT = 15;

/** Lanes for overlapping sessions of one day: each session gets the first lane free at its start. */
function lanes(items: AgendaItem[]): Map<string, number> {
  const ends: number[] = [];
  const out = new Map<string, number>();
  for (const item of [...items].sort((a, b) => minutesOf(a.start.local) - minutesOf(b.start.local))) {
    const start = minutesOf(item.start.local);
    let lane = ends.findIndex((end) => end <= start);
    if (lane === -1) lane = ends.push(0) - 1;
    ends[lane] = minutesOf(item.end.local);
    out.set(item.id, lane);
  }
  return out;
}

export function Timetable({ c, selected, onSelect }: { c: ConsultationDetails; selected: string | null; onSelect: (id: string) => void }) {
  const days = daysBetween(c.startDate, c.endDate);
  const starts = c.agenda.map((a) => minutesOf(a.start.local));
  const ends = c.agenda.map((a) => (a.end.local.slice(0, 10) === a.day ? minutesOf(a.end.local) : 24 * 60));
  const first = Math.floor(Math.min(9 * 60, ...starts) / 60) * 60;
  const last = Math.ceil(Math.max(17 * 60, ...ends) / 60) * 60;
  const rows = (last - first) / SLOT;
  const hours = Array.from({ length: (last - first) / 60 }, (_, i) => first / 60 + i);
  return (
    <div class="timetable">
      {days.map((day) => {
        const items = c.agenda.filter((a) => a.day === day);
        const laneOf = lanes(items);
        const laneCount = Math.max(1, ...[...laneOf.values()].map((l) => l + 1));
        return (
          <section class="tt-day" key={day} aria-labelledby={`tt-${day}`}>
            <h3 id={`tt-${day}`} title={formatDay(day)}>
              {formatShortDay(day)}
            </h3>
            {items.length === 0 && <p class="muted small tt-empty">No session on this day.</p>}
            <ol class="tt-grid" style={{ gridTemplateRows: `repeat(${rows}, var(--slot))`, gridTemplateColumns: `3rem repeat(${laneCount}, minmax(0, 1fr))` }}>
              {hours.map((h) => (
                <li key={`h${h}`} class="tt-hour" aria-hidden="true" style={{ gridRow: `${(h * 60 - first) / SLOT + 1} / span ${60 / SLOT}`, gridColumn: '1 / -1' }}>
                  {String(h).padStart(2, '0')}:00
                </li>
              ))}
              {items.map((a) => {
                const from = Math.max(0, Math.round((minutesOf(a.start.local) - first) / SLOT));
                const endMinutes = a.end.local.slice(0, 10) === day ? minutesOf(a.end.local) : last;
                const to = Math.max(from + 1, Math.round((endMinutes - first) / SLOT));
                return (
                  <li key={a.id} class="tt-item" style={{ gridRow: `${from + 1} / ${to + 1}`, gridColumn: `${(laneOf.get(a.id) ?? 0) + 2}` }}>
                    <button
                      type="button"
                      class={`tt-session tt-${a.access}${a.status === 'cancelled' ? ' tt-cancelled' : ''}${selected === a.id ? ' tt-selected' : ''}`}
                      aria-pressed={selected === a.id}
                      onClick={() => onSelect(a.id)}
                    >
                      <span class="tt-time">
                        {clock(a.start.local)}–{clock(a.end.local)}
                      </span>{' '}
                      <span class="tt-title">{a.title}</span>
                      <span class="tt-meta">
                        {' '}
                        {[label(SESSION_KINDS, a.kind), a.access === 'closed' ? 'closed' : null, a.room, a.status === 'cancelled' ? 'cancelled' : null].filter(Boolean).join(' · ')}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}

/** Where a scheduling rule points on the session form. */
const RULE_FIELDS: Record<string, string> = {
  SessionOutsideConsultationDates: 'day',
  SessionEndsBeforeItStarts: 'end',
  LocalTimeDoesNotExist: 'start',
  RoomDoubleBooked: 'room',
  ClosedSessionNeedsRegionalOrganisation: 'access',
};

function sessionErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of error.problem.errors ?? []) out[e.field] ??= explainField(e);
  const field = error.rule ? RULE_FIELDS[error.rule] : undefined;
  if (field) out[field] = error.rule === 'ClosedSessionNeedsRegionalOrganisation' ? 'A closed session needs a consultation with a regional organisation.' : explainRule(error);
  return out;
}

interface SessionForm {
  day: string;
  start: string;
  end: string;
  title: string;
  kind: string;
  access: string;
  room: string;
  capacity: string;
  description: string;
}

export function AgendaEditor({ c, reload }: { c: ConsultationDetails; reload: () => Promise<void> }) {
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const zone = zoneLabel(c.timeZone, c.startDate);
  const session = c.agenda.find((a) => a.id === selected) ?? null;
  const done = async (text: string) => {
    setMessage(text);
    await reload();
  };
  return (
    <>
      <p class="zone-banner">
        All times at the venue: <strong>{zone}</strong>
      </p>
      {message && <Alert kind="success">{message}</Alert>}
      <h2>Timetable</h2>
      <Timetable c={c} selected={selected} onSelect={(id) => setSelected(id === selected ? null : id)} />
      {session && <SessionEditor key={session.id} c={c} s={session} zone={zone} onDone={done} onClose={() => setSelected(null)} />}
      <AddSession c={c} zone={zone} onDone={done} />
    </>
  );
}

function AddSession({ c, zone, onDone }: { c: ConsultationDetails; zone: string; onDone: (text: string) => Promise<void> }) {
  const days = daysBetween(c.startDate, c.endDate);
  const blank: SessionForm = { day: days[0]!, start: '', end: '', title: '', kind: 'panel', access: 'open', room: '', capacity: '', description: '' };
  const [form, setForm] = useState<SessionForm>(blank);
  const [error, setError] = useState<unknown>(null);
  const errors = sessionErrors(error);
  const bind = (key: keyof SessionForm) => ({
    value: form[key],
    onInput: (e: Event) => setForm((f) => ({ ...f, [key]: (e.currentTarget as HTMLInputElement).value })),
    onChange: (e: Event) => setForm((f) => ({ ...f, [key]: (e.currentTarget as HTMLInputElement).value })),
  });
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await post(`/api/consultations/${c.id}/sessions`, {
        start: `${form.day}T${form.start}`,
        end: `${form.day}T${form.end}`,
        title: form.title,
        kind: form.kind,
        access: form.access,
        room: form.room.trim() || null,
        ...(form.capacity && { capacity: Number(form.capacity) }),
        description: form.description.trim() || null,
      });
      setForm({ ...blank, day: form.day, room: form.room });
      await onDone(`Added “${form.title}”, ${formatShortDay(form.day)} ${form.start}–${form.end} (${zone}).`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit} noValidate class="panel stack">
      <h2>Add a session</h2>
      <p class="hint">Times at the venue clock: {zone}.</p>
      <div class="grid-3">
        <Field id="session-day" label="Day" required error={errors.day}>
          {(p) => (
            <select {...p} {...bind('day')}>
              <Options entries={days.map((d) => [d, formatDay(d)] as const)} />
            </select>
          )}
        </Field>
        <Field id="session-start" label="Starts" required error={errors.start}>
          {(p) => <input {...p} type="time" step={300} {...bind('start')} />}
        </Field>
        <Field id="session-end" label="Ends" required error={errors.end}>
          {(p) => <input {...p} type="time" step={300} {...bind('end')} />}
        </Field>
      </div>
      <Field id="session-title" label="Title" required error={errors.title}>
        {(p) => <input {...p} {...bind('title')} />}
      </Field>
      <div class="grid-3">
        <Field id="session-kind" label="Kind" required error={errors.kind}>
          {(p) => (
            <select {...p} {...bind('kind')}>
              <Options entries={Object.entries(SESSION_KINDS)} />
            </select>
          )}
        </Field>
        <Field id="session-access" label="Access" required error={errors.access}>
          {(p) => (
            <select {...p} {...bind('access')}>
              <option value="open">Open to every participant</option>
              <option value="closed">Closed: member-State delegations</option>
            </select>
          )}
        </Field>
        <Field id="session-room" label="Room" error={errors.room}>
          {(p) => <input {...p} {...bind('room')} />}
        </Field>
        <Field id="session-capacity" label="Seats, if fewer than the consultation’s" error={errors.capacity}>
          {(p) => <input {...p} type="number" min={1} inputMode="numeric" {...bind('capacity')} />}
        </Field>
      </div>
      <Field id="session-description" label="Description" error={errors.description}>
        {(p) => <textarea {...p} rows={2} {...bind('description')} />}
      </Field>
      {error !== null && Object.keys(errors).length === 0 && <Problem error={error} />}
      <p>
        <button type="submit">Add the session</button>
      </p>
    </form>
  );
}

function SessionEditor({ c, s, zone, onDone, onClose }: { c: ConsultationDetails; s: AgendaItem; zone: string; onDone: (t: string) => Promise<void>; onClose: () => void }) {
  const days = daysBetween(c.startDate, c.endDate);
  const [times, setTimes] = useState({ day: s.day, start: clock(s.start.local), end: clock(s.end.local) });
  const [room, setRoom] = useState(s.room ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errors = sessionErrors(error);
  const base = `/api/consultations/${c.id}/sessions/${s.id}`;
  const act = async (e: Event, path: string, body: unknown, text: string) => {
    e.preventDefault();
    setError(null);
    try {
      await post(`${base}/${path}`, body);
      await onDone(text);
    } catch (err) {
      setError(err);
    }
  };
  const cancelled = s.status === 'cancelled';
  return (
    <section class="panel stack" aria-labelledby="edit-session">
      <h2 id="edit-session">Edit “{s.title}”</h2>
      <p class="muted">
        {formatDay(s.day)}, {clock(s.start.local)}–{clock(s.end.local)} ({zone}){s.room && `, ${s.room}`}
        {cancelled && ' — cancelled'}
      </p>
      {!cancelled && (
        <>
          <form class="stack" noValidate onSubmit={(e) => act(e, 'reschedule', { start: `${times.day}T${times.start}`, end: `${times.day}T${times.end}` }, `Moved “${s.title}” to ${formatShortDay(times.day)} ${times.start}–${times.end} (${zone}).`)}>
            <h3>Move in time</h3>
            <div class="grid-3">
              <Field label="Day" error={errors.day}>
                {(p) => (
                  <select {...p} value={times.day} onChange={(e) => setTimes({ ...times, day: e.currentTarget.value })}>
                    <Options entries={days.map((d) => [d, formatDay(d)] as const)} />
                  </select>
                )}
              </Field>
              <Field label="Starts" error={errors.start}>
                {(p) => <input {...p} type="time" step={300} value={times.start} onInput={(e) => setTimes({ ...times, start: e.currentTarget.value })} />}
              </Field>
              <Field label="Ends" error={errors.end}>
                {(p) => <input {...p} type="time" step={300} value={times.end} onInput={(e) => setTimes({ ...times, end: e.currentTarget.value })} />}
              </Field>
            </div>
            <p>
              <button type="submit">Reschedule</button>
            </p>
          </form>
          <form class="stack" noValidate onSubmit={(e) => act(e, 'move', { room: room.trim() || null }, `“${s.title}” is now in ${room.trim() || 'no room'}.`)}>
            <h3>Room</h3>
            <Field label="Room" error={errors.room}>
              {(p) => <input {...p} value={room} onInput={(e) => setRoom(e.currentTarget.value)} />}
            </Field>
            <p>
              <button type="submit">Change the room</button>
            </p>
          </form>
          <form class="stack" noValidate onSubmit={(e) => act(e, 'cancel', { reason }, `Cancelled “${s.title}”.`)}>
            <h3>Cancel the session</h3>
            <Field label="Reason" required error={errors.reason}>
              {(p) => <input {...p} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
            </Field>
            <p>
              <button type="submit" class="danger">
                Cancel the session
              </button>
            </p>
          </form>
        </>
      )}
      {error !== null && Object.keys(errors).length === 0 && <Problem error={error} />}
      <p>
        <button type="button" class="secondary" onClick={onClose}>
          Close
        </button>
      </p>
    </section>
  );
}
