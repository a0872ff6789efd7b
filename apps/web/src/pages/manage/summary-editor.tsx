/**
 * The Chair's summary, drafted and reviewed: sections, key points and footnotes; submission,
 * review, approval by the Chair and publication. A text that breaks the Chatham House rule comes
 * back from the API as 422 with the offending spans: they are marked on the words, where the
 * text was written, and the Chair may waive the rule for that exact text.
 */
import { useState } from 'preact/hooks';
import { ApiError, type AttributionSpan, call, post, versionOf } from '../../api';
import { session } from '../../auth';
import { AttributionWarning } from '../../components/attribution';
import { Alert, DownloadButton, Field, Loaded, Problem, useLoad } from '../../components/ui';
import { label, SUMMARY_STATUSES } from '../../labels';
import { useSignal } from '../../signal';
import type { ConsultationDetails, KeyPoint, Section, Summary } from '../../types';
import { sectionTitle, SummaryText } from '../summary';

type Loaded = { summary: Summary; version: number } | null;

const spansOf = (error: unknown): AttributionSpan[] | null =>
  error instanceof ApiError && error.rule === 'ChathamHouseAttribution' && Array.isArray(error.problem.spans) ? error.problem.spans : null;

interface Ctx {
  base: string;
  version: number;
  isChair: boolean;
  editable: boolean;
  refresh: (message?: string) => Promise<void>;
}

export function SummaryWorkspace({ c }: { c: ConsultationDetails }) {
  const s = useSignal(session);
  const base = `/api/consultations/${c.id}/summary`;
  const [message, setMessage] = useState<string | null>(null);
  const [load, reload] = useLoad<Loaded>(async () => {
    try {
      const reply = await call<Summary>(base);
      return { summary: reply.body, version: versionOf(reply.etag) ?? reply.body.version };
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  }, [base]);
  // The message once the page shows what it announces: announced before the reload, it would
  // stand beside the old status (and a screen reader would read it against the old page).
  const refresh = async (text?: string) => {
    await reload();
    setMessage(text ?? null);
  };
  return (
    <Loaded load={load} what="the Chair’s summary">
      {(found) => {
        if (!found) return <StartSummary base={base} isChair={s?.role === 'chair'} onDone={refresh} />;
        const { summary, version } = found;
        const editable = summary.status === 'draft' || summary.status === 'changes-requested';
        const ctx: Ctx = { base, version, isChair: s?.role === 'chair', editable, refresh };
        return (
          <>
            <p class="summary-status">
              <strong>{label(SUMMARY_STATUSES, summary.status)}</strong> · edition {summary.edition} · version {version}
              {summary.chathamHouse !== undefined && ` · Chatham House rule ${summary.chathamHouse ? 'applies' : 'lifted'}`}
            </p>
            {message && <Alert kind="success">{message}</Alert>}
            {(summary.changeRequests ?? []).length > 0 && editable && (
              <Alert kind="info">
                <p>Changes requested:</p>
                <ul>
                  {summary.changeRequests!.map((r, i) => (
                    <li key={i}>
                      {r.comment} <span class="muted">({r.by})</span>
                    </li>
                  ))}
                </ul>
              </Alert>
            )}
            <Workflow summary={summary} ctx={ctx} />
            {editable ? (
              <>
                {summary.sections.map((section) => (
                  <SectionEditor key={`${section.sectionId}-${version}`} section={section} ctx={ctx} c={c} />
                ))}
                <AddSection ctx={ctx} c={c} />
                <Footnotes summary={summary} ctx={ctx} />
              </>
            ) : (
              <div class="summary review-copy">
                <h2 class="visually-hidden">Text under review</h2>
                <SummaryText summary={summary} />
              </div>
            )}
            <h2>Documents</h2>
            <p class="actions">
              <DownloadButton path={`${base}/document?format=docx`}>Word</DownloadButton>
              <DownloadButton path={`${base}/document?format=pdf`}>PDF</DownloadButton>
              <DownloadButton path={`${base}/document?format=html`}>HTML</DownloadButton>
              <DownloadButton path={`${base}/document?format=md`}>Markdown</DownloadButton>
            </p>
          </>
        );
      }}
    </Loaded>
  );
}

function StartSummary({ base, isChair, onDone }: { base: string; isChair: boolean; onDone: (m: string) => Promise<void> }) {
  const [error, setError] = useState<unknown>(null);
  const [lift, setLift] = useState(false);
  const start = async () => {
    setError(null);
    try {
      await post(base, lift ? { chathamHouse: false } : {});
      await onDone('The summary is started: edition 1, a draft.');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div class="panel stack">
      <p>No summary has been started for this consultation.</p>
      {isChair && (
        <div class="check">
          <input type="checkbox" id="lift" checked={lift} onChange={(e) => setLift(e.currentTarget.checked)} />
          <label for="lift">Lift the Chatham House rule for the whole summary (the Chair only)</label>
        </div>
      )}
      <p>
        <button type="button" onClick={start}>
          Start the Chair’s summary
        </button>
      </p>
      <Problem error={error} />
    </div>
  );
}

/** The 422 of a write, as a warning on the words (with the Chair's waiver), or as a plain problem. */
function WriteProblem({ error, text, ctx }: { error: unknown; text: string; ctx: Ctx }) {
  const spans = spansOf(error);
  if (!spans) return <Problem error={error} />;
  const own = spans.filter((s) => text.slice(s.start, s.end) === s.text);
  return (
    <AttributionWarning text={text} spans={own.length > 0 ? own : spans}>
      {ctx.isChair && <Waiver text={text} ctx={ctx} />}
    </AttributionWarning>
  );
}

/**
 * Checks a text against the Chatham House rule before it is saved (the API's attribution check,
 * which appends nothing): the marked words with the Chair's waiver, or a plain all-clear.
 */
function CheckWording({ text, ctx }: { text: string; ctx: Ctx }) {
  const [result, setResult] = useState<{ text: string; attributions: AttributionSpan[]; waived: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const check = async () => {
    setError(null);
    try {
      const reply = await post<{ attributions: AttributionSpan[]; waived: boolean }>(`${ctx.base}/attribution-check`, { text });
      setResult({ text, ...reply });
    } catch (err) {
      setError(err);
    }
  };
  const current = result && result.text === text ? result : null;
  return (
    <div class="stack">
      <p>
        <button type="button" class="secondary" onClick={check} disabled={text.trim() === ''}>
          Check the wording
        </button>
      </p>
      {error !== null && <Problem error={error} />}
      {current && current.attributions.length > 0 && (
        <AttributionWarning text={current.text} spans={current.attributions}>
          {ctx.isChair && <Waiver text={current.text} ctx={ctx} />}
        </AttributionWarning>
      )}
      {current && current.attributions.length === 0 && (
        <p class="muted small" role="status">
          {current.waived ? 'The Chair has waived the rule for this exact text.' : 'No attribution found: nothing names a participant or attributes a statement.'}
        </p>
      )}
    </div>
  );
}

function Waiver({ text, ctx }: { text: string; ctx: Ctx }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const waive = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await post(`${ctx.base}/waivers`, { text, reason });
      await ctx.refresh('The rule is waived for this exact text: save it again.');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="stack waiver" noValidate onSubmit={waive}>
      <Field label="Reason for waiving the rule for this exact text" hint="For example: the delegation published this statement.">
        {(p) => <input {...p} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <p>
        <button type="submit" class="secondary">
          Waive the rule for this text
        </button>
      </p>
      <Problem error={error} />
    </form>
  );
}

function SectionEditor({ section, ctx, c }: { section: Section; ctx: Ctx; c: ConsultationDetails }) {
  const [title, setTitle] = useState(section.title ?? '');
  const [text, setText] = useState(section.text);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState('');
  const named = section.kind === 'session' || section.kind === 'theme';
  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setSent(text);
    try {
      await post(`${ctx.base}/sections`, { kind: section.kind, sectionId: section.sectionId, ...(named && { title }), text }, { ifMatch: ctx.version });
      await ctx.refresh(`Saved “${sectionTitle({ ...section, title })}”.`);
    } catch (err) {
      setError(err);
    }
  };
  const session = section.sessionId ? c.agenda.find((a) => a.id === section.sessionId) : undefined;
  return (
    <section class="panel stack summary-edit" aria-labelledby={`edit-${section.sectionId}`}>
      <h2 id={`edit-${section.sectionId}`}>{sectionTitle(section)}</h2>
      {session && <p class="muted small">Reports on the session “{session.title}”{session.access === 'closed' && ' (closed)'}</p>}
      <form class="stack" noValidate onSubmit={save}>
        {named && <Field label="Section title">{(p) => <input {...p} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />}</Field>}
        <Field label={`Text of “${sectionTitle(section)}”`}>{(p) => <textarea {...p} rows={5} value={text} onInput={(e) => setText(e.currentTarget.value)} />}</Field>
        {error !== null && <WriteProblem error={error} text={sent} ctx={ctx} />}
        <p>
          <button type="submit" class="secondary">
            Save the section
          </button>
        </p>
      </form>
      <h3>Key points</h3>
      {section.keyPoints.length === 0 && <p class="muted">No key point yet.</p>}
      <ol class="key-point-editors">
        {section.keyPoints.map((k, i) => (
          <KeyPointEditor key={k.keyPointId} keyPoint={k} n={i + 1} ctx={ctx} />
        ))}
      </ol>
      <AddKeyPoint section={section} ctx={ctx} />
    </section>
  );
}

function KeyPointEditor({ keyPoint, n, ctx }: { keyPoint: KeyPoint; n: number; ctx: Ctx }) {
  const [text, setText] = useState(keyPoint.text);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState('');
  const path = `${ctx.base}/key-points/${encodeURIComponent(keyPoint.keyPointId)}`;
  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setSent(text);
    try {
      await call(path, { method: 'PUT', body: { text }, ifMatch: ctx.version });
      await ctx.refresh(`Key point ${n} saved.`);
    } catch (err) {
      if (err instanceof ApiError && err.rule === 'KeyPointVersionConflict' && typeof err.problem.currentText === 'string') setText(err.problem.currentText);
      setError(err);
    }
  };
  const withdraw = async () => {
    setError(null);
    try {
      await call(path, { method: 'DELETE', ifMatch: ctx.version });
      await ctx.refresh(`Key point ${n} withdrawn.`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <li>
      <form class="stack" noValidate onSubmit={save}>
        <Field label={`Key point ${n}`}>{(p) => <textarea {...p} rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} />}</Field>
        {error !== null && <WriteProblem error={error} text={sent} ctx={ctx} />}
        <p class="actions">
          <button type="submit" class="secondary">
            Save key point {n}
          </button>
          <button type="button" class="link" onClick={withdraw}>
            Withdraw key point {n}
          </button>
        </p>
      </form>
    </li>
  );
}

function AddKeyPoint({ section, ctx }: { section: Section; ctx: Ctx }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState('');
  const add = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setSent(text);
    try {
      await post(`${ctx.base}/key-points`, { sectionId: section.sectionId, text });
      setText('');
      await ctx.refresh(`Key point added to “${sectionTitle(section)}”.`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="stack" noValidate onSubmit={add}>
      <Field label={`New key point in “${sectionTitle(section)}”`}>{(p) => <textarea {...p} rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} />}</Field>
      {error !== null && <WriteProblem error={error} text={sent} ctx={ctx} />}
      <p>
        <button type="submit">Add the key point</button>
      </p>
      <CheckWording text={text} ctx={ctx} />
    </form>
  );
}

function AddSection({ ctx, c }: { ctx: Ctx; c: ConsultationDetails }) {
  const [form, setForm] = useState({ kind: 'session', title: '', text: '', sessionId: '' });
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState('');
  const named = form.kind === 'session' || form.kind === 'theme';
  const add = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setSent(form.text);
    try {
      await post(`${ctx.base}/sections`, {
        kind: form.kind,
        ...(named && form.title && { title: form.title }),
        text: form.text,
        ...(form.kind === 'session' && form.sessionId && { sessionId: form.sessionId }),
      });
      setForm({ kind: form.kind, title: '', text: '', sessionId: '' });
      await ctx.refresh('Section added.');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="panel stack" noValidate onSubmit={add}>
      <h2>Add a section</h2>
      <div class="grid-2">
        <Field label="Kind">
          {(p) => (
            <select {...p} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.currentTarget.value })}>
              <option value="introduction">Introduction</option>
              <option value="session">Session</option>
              <option value="theme">Theme</option>
              <option value="conclusions">Conclusions</option>
            </select>
          )}
        </Field>
        {form.kind === 'session' && (
          <Field label="Session reported on">
            {(p) => (
              <select {...p} value={form.sessionId} onChange={(e) => setForm({ ...form, sessionId: e.currentTarget.value })}>
                <option value="">—</option>
                {c.agenda.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      {named && <Field label="Section title">{(p) => <input {...p} value={form.title} onInput={(e) => setForm({ ...form, title: e.currentTarget.value })} />}</Field>}
      <Field label="Section text">{(p) => <textarea {...p} rows={4} value={form.text} onInput={(e) => setForm({ ...form, text: e.currentTarget.value })} />}</Field>
      {error !== null && <WriteProblem error={error} text={sent} ctx={ctx} />}
      <p>
        <button type="submit">Add the section</button>
      </p>
    </form>
  );
}

function Footnotes({ summary, ctx }: { summary: Summary; ctx: Ctx }) {
  const [form, setForm] = useState({ symbol: '', text: '', url: '' });
  const [error, setError] = useState<unknown>(null);
  const add = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await post(`${ctx.base}/footnotes`, {
        ...(form.symbol.trim() && { symbol: form.symbol.trim() }),
        ...(form.text.trim() && { text: form.text.trim() }),
        ...(form.url.trim() && { url: form.url.trim() }),
      });
      setForm({ symbol: '', text: '', url: '' });
      await ctx.refresh('Footnote added.');
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section class="panel stack" aria-labelledby="footnotes-title">
      <h2 id="footnotes-title">Footnotes</h2>
      {summary.footnotes.length > 0 && (
        <ol>
          {summary.footnotes.map((f) => (
            <li key={f.number}>{[f.symbol, f.text].filter(Boolean).join('. ')}</li>
          ))}
        </ol>
      )}
      <form class="stack" noValidate onSubmit={add}>
        <div class="grid-3">
          <Field label="UN document symbol" hint="For example A/RES/73/266">
            {(p) => <input {...p} value={form.symbol} onInput={(e) => setForm({ ...form, symbol: e.currentTarget.value })} />}
          </Field>
          <Field label="Note">{(p) => <input {...p} value={form.text} onInput={(e) => setForm({ ...form, text: e.currentTarget.value })} />}</Field>
          <Field label="Link">{(p) => <input {...p} type="url" value={form.url} onInput={(e) => setForm({ ...form, url: e.currentTarget.value })} />}</Field>
        </div>
        {error !== null && <WriteProblem error={error} text={form.text} ctx={ctx} />}
        <p>
          <button type="submit" class="secondary">
            Add the footnote
          </button>
        </p>
      </form>
    </section>
  );
}

/** Submit, request changes, approve, publish: what the status and the role allow. */
function Workflow({ summary, ctx }: { summary: Summary; ctx: Ctx }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const act = async (path: string, body: unknown, message: string) => {
    setError(null);
    try {
      await post(`${ctx.base}/${path}`, body, { ifMatch: ctx.version });
      await ctx.refresh(message);
    } catch (err) {
      setError(err);
    }
  };
  const spans = spansOf(error);
  const located = (s: AttributionSpan) => {
    const section = summary.sections.find((x) => x.sectionId === s.sectionId);
    if (s.keyPointId) return section?.keyPoints.find((k) => k.keyPointId === s.keyPointId)?.text;
    if (section) return s.field === 'title' ? (section.title ?? '') : section.text;
    return summary.footnotes.find((f) => f.footnoteId === s.footnoteId)?.text ?? undefined;
  };
  return (
    <section class="panel stack" aria-labelledby="workflow">
      <h2 id="workflow">Review</h2>
      <p class="actions">
        {ctx.editable && (
          <button type="button" onClick={() => act('submit', undefined, 'Submitted to the Chair.')}>
            Submit to the Chair
          </button>
        )}
        {summary.status === 'submitted' && ctx.isChair && (
          <button type="button" onClick={() => act('approve', undefined, 'Approved.')}>
            Approve
          </button>
        )}
        {summary.status === 'approved' && (
          <button type="button" onClick={() => act('publish', undefined, 'Published: everyone can read it now.')}>
            Publish
          </button>
        )}
      </p>
      {(summary.status === 'submitted' || summary.status === 'approved') && (
        <form
          class="stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void act('request-changes', { comment }, 'Sent back for changes.');
          }}
        >
          <Field label="Comment for the drafters">{(p) => <textarea {...p} rows={2} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />}</Field>
          <p>
            <button type="submit" class="secondary">
              Request changes
            </button>
          </p>
        </form>
      )}
      {spans ? (
        <>
          {[...new Set(spans.map((s) => `${s.sectionId ?? ''}|${s.keyPointId ?? ''}|${s.footnoteId ?? ''}|${s.field ?? ''}`))].map((where) => {
            const group = spans.filter((s) => `${s.sectionId ?? ''}|${s.keyPointId ?? ''}|${s.footnoteId ?? ''}|${s.field ?? ''}` === where);
            const text = located(group[0]!);
            return text ? <AttributionWarning key={where} text={text} spans={group} /> : null;
          })}
        </>
      ) : (
        <Problem error={error} />
      )}
    </section>
  );
}
