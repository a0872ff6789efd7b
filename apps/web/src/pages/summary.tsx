import type { ComponentChildren } from 'preact';
import { get } from '../api';
import { Loaded, PageTitle, useLoad } from '../components/ui';
import { Link } from '../router';
import { formatDateRange, formatInstant } from '../time';
import type { ConsultationDetails, Section, Summary } from '../types';
import { publishedSummary } from './consultation';

const sectionTitle = (s: Section) => s.title ?? (s.kind === 'introduction' ? 'Introduction' : s.kind === 'conclusions' ? 'Conclusions' : 'Section');

/** A summary's text as readers see it; the editor passes `extra` to put its controls beside each part. */
export function SummaryText({ summary, extra }: { summary: Summary; extra?: (section: Section) => ComponentChildren }) {
  return (
    <>
      {summary.sections.map((s) => (
        <section key={s.sectionId} aria-labelledby={`section-${s.sectionId}`} class="summary-section">
          <h2 id={`section-${s.sectionId}`}>{sectionTitle(s)}</h2>
          {s.text
            .split(/\n{2,}/)
            .filter(Boolean)
            .map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          {s.keyPoints.length > 0 && (
            <ul class="key-points">
              {s.keyPoints.map((k) => (
                <li key={k.keyPointId}>{k.text}</li>
              ))}
            </ul>
          )}
          {extra?.(s)}
        </section>
      ))}
      {summary.footnotes.length > 0 && (
        <section aria-labelledby="notes" class="footnotes">
          <h2 id="notes">Notes</h2>
          <ol>
            {summary.footnotes.map((f) => (
              <li key={f.number}>
                {f.symbol && (f.url ? <a href={f.url}>{f.symbol}</a> : <span>{f.symbol}</span>)}
                {f.symbol && f.text && '. '}
                {f.text}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

export { sectionTitle };

/** The published Chair's summary, for anyone. */
export function SummaryPage({ id }: { id: string }) {
  const [load] = useLoad(async () => {
    const [consultation, summary] = await Promise.all([get<ConsultationDetails>(`/api/consultations/${id}`, null), publishedSummary(id)]);
    return { consultation, summary };
  }, [id]);
  return (
    <Loaded load={load} what="the Chair’s summary">
      {({ consultation: c, summary }) => (
        <article class="summary">
          <PageTitle title={`Chair’s summary: ${c.title}`}>Chair’s summary</PageTitle>
          <p class="lead">
            <Link href={`/consultations/${c.id}`}>{c.title}</Link>, {c.venue.city}, {formatDateRange(c.startDate, c.endDate)}
          </p>
          {!summary ? (
            <p>The Chair’s summary has not been published yet.</p>
          ) : (
            <>
              <p class="muted">
                Edition {summary.edition}
                {summary.publishedAt && `, published ${formatInstant(summary.publishedAt, c.timeZone)}`}
                {summary.correctionReason && `. Corrected: ${summary.correctionReason}`}
              </p>
              <p class="actions">
                <a class="button secondary" href={`/api/consultations/${c.id}/summary/document?format=pdf`}>
                  PDF
                </a>
                <a class="button secondary" href={`/api/consultations/${c.id}/summary/document?format=docx`}>
                  Word
                </a>
                <a class="button secondary" href={`/api/consultations/${c.id}/summary/document?format=html`}>
                  Web page
                </a>
              </p>
              <SummaryText summary={summary} />
            </>
          )}
        </article>
      )}
    </Loaded>
  );
}
