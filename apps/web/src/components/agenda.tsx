/** The agenda as a list by day, read-only: for the public pages and the registration form. */
import { label, SESSION_KINDS } from '../labels';
import { clock, formatDay } from '../time';
import type { AgendaItem } from '../types';

export function people(item: AgendaItem): string {
  const named = [item.chair && `Chair: ${item.chair.name}`, item.moderator && `Moderator: ${item.moderator.name}`].filter(Boolean);
  if (item.speakers.length > 0) named.push(`Speakers: ${item.speakers.map((s) => s.name).join(', ')}`);
  return named.join(' · ');
}

export function AgendaList({ agenda, zone }: { agenda: AgendaItem[]; zone: string }) {
  if (agenda.length === 0) return <p>The agenda has not been published yet.</p>;
  const days = [...new Set(agenda.map((a) => a.day))];
  return (
    <>
      <p class="muted">All times are at the venue: {zone}.</p>
      {days.map((day) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <h3 id={`day-${day}`}>{formatDay(day)}</h3>
          <ol class="agenda">
            {agenda
              .filter((a) => a.day === day)
              .map((a) => (
                <li key={a.id} class={a.status === 'cancelled' ? 'cancelled' : ''}>
                  <p class="agenda-time">
                    <time dateTime={a.start.utc}>{clock(a.start.local)}</time>–<time dateTime={a.end.utc}>{clock(a.end.local)}</time>
                  </p>
                  <div>
                    <p class="agenda-title">
                      {a.title}
                      {a.status === 'cancelled' && <strong> (cancelled{a.cancellationReason ? `: ${a.cancellationReason}` : ''})</strong>}
                    </p>
                    <p class="muted small">
                      {label(SESSION_KINDS, a.kind)}
                      {a.access === 'closed' && ' · closed session'}
                      {a.room && ` · ${a.room}`}
                    </p>
                    {people(a) && <p class="small">{people(a)}</p>}
                  </div>
                </li>
              ))}
          </ol>
        </section>
      ))}
    </>
  );
}
