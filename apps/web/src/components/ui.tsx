/** Building blocks every page uses: titles, fields with their errors, alerts, loading, downloads. */
import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, download } from '../api';
import { explainRule } from '../labels';

/** The page's one h1; focused on arrival so that a screen reader announces the new page. */
export function PageTitle({ children, title }: { children: ComponentChildren; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Convene`;
    ref.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <h1 tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}

export function Alert({ kind = 'error', children }: { kind?: 'error' | 'success' | 'info'; children: ComponentChildren }) {
  return (
    <div class={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** A problem from the API, in words, naming its rule for whoever reports it. */
export function Problem({ error }: { error: unknown }) {
  if (!error) return null;
  if (!(error instanceof ApiError)) return <Alert>{String(error)}</Alert>;
  return (
    <Alert>
      <p>{explainRule(error)}</p>
      {error.rule && error.rule !== 'ValidationFailed' && <p class="muted small">Rule: {error.rule}</p>}
    </Alert>
  );
}

let ids = 0;
export const useId = (prefix: string): string => useRef(`${prefix}-${++ids}`).current;

interface FieldProps {
  label: string;
  /** The control's id; a field path ("person.email") lets an error summary link to it. */
  id?: string;
  error?: string | undefined;
  hint?: ComponentChildren;
  required?: boolean;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean; required?: boolean }) => JSX.Element;
}

/** A labelled control with its hint and its error, tied together for assistive technology. */
export function Field({ label, id: given, error, hint, required, children }: FieldProps) {
  const generated = useId('f');
  const id = given ?? generated;
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>
        {label}
        {required && <span class="required"> (required)</span>}
      </label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      {children({ id, ...(described && { 'aria-describedby': described }), ...(error && { 'aria-invalid': true }), ...(required && { required: true }) })}
    </div>
  );
}

export type Load<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; value: T };

/** Loads on mount and whenever `deps` change; `reload` fetches again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Load<T>, () => Promise<void>] {
  const [state, setState] = useState<Load<T>>({ state: 'loading' });
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    try {
      setState({ state: 'ready', value: await run() });
    } catch (error) {
      setState({ state: 'error', error });
    }
  }, [run]);
  useEffect(() => {
    setState({ state: 'loading' });
    void reload();
  }, [reload]);
  return [state, reload];
}

export function Loading({ what }: { what: string }) {
  return (
    <p class="muted" role="status">
      Loading {what}…
    </p>
  );
}

/** Renders the loaded value, or the loading line, or the problem. */
export function Loaded<T>({ load, what, children }: { load: Load<T>; what: string; children: (value: T) => ComponentChildren }) {
  if (load.state === 'loading') return <Loading what={what} />;
  if (load.state === 'error') return <Problem error={load.error} />;
  return <>{children(load.value)}</>;
}

/** A button that fetches a file with the signed-in token and saves it. */
export function DownloadButton({ path, children }: { path: string; children: ComponentChildren }) {
  const [status, setStatus] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    setStatus(null);
    try {
      const name = await download(path);
      setStatus({ kind: 'success', text: `Saved ${name}` });
    } catch (error) {
      const notYet = error instanceof ApiError && error.status === 404;
      setStatus({ kind: 'error', text: notYet ? 'Not available on this server yet.' : error instanceof ApiError ? explainRule(error) : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="download">
      <button type="button" class="secondary" onClick={onClick} disabled={busy} aria-busy={busy}>
        {children}
      </button>
      <span class={`download-status ${status?.kind ?? ''}`} role="status">
        {status?.text}
      </span>
    </span>
  );
}

/** Field errors of a problem document, by field path ("person.email"). */
export function fieldErrors(error: unknown, explain: (e: { field: string; rule: string; message: string }) => string): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of error.problem.errors ?? []) out[e.field] ??= explain(e);
  return out;
}

/** The <option>s of a select, from [value, label] pairs. */
export function Options({ entries }: { entries: ReadonlyArray<readonly [string, string]> }) {
  return (
    <>
      {entries.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </>
  );
}
