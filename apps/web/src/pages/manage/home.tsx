import { useState } from 'preact/hooks';
import { get, post } from '../../api';
import { session } from '../../auth';
import { Field, fieldErrors, Loaded, PageTitle, Problem, useLoad } from '../../components/ui';
import { explainField } from '../../labels';
import { Link, navigate } from '../../router';
import { useSignal } from '../../signal';
import type { SeriesListItem, SeriesOverview } from '../../types';
import { ConsultationList } from '../home';

/** The staff's start: every series (one just planned too) with its consultations (drafts too), and planning a new series. */
export function ManageHome() {
  const s = useSignal(session);
  const [load] = useLoad(async () => {
    const { items } = await get<{ items: SeriesListItem[] }>('/api/series');
    return Promise.all(items.map((x) => get<SeriesOverview>(`/api/series/${x.id}`)));
  }, []);
  return (
    <>
      <PageTitle title="Manage">{s?.role === 'chair' ? 'Consultations you chair' : 'Series and consultations'}</PageTitle>
      {s?.role === 'secretariat' && <PlanSeries />}
      <Loaded load={load} what="the series">
        {(series) =>
          series.length === 0 ? (
            <p>No series is planned yet.</p>
          ) : (
            series.map((x) => (
              <section key={x.id} aria-labelledby={`series-${x.id}`}>
                <h2 id={`series-${x.id}`}>
                  <Link href={`/manage/series/${x.id}`}>{x.title}</Link>
                </h2>
                {x.consultations.length === 0 ? <p class="muted">No consultation is scheduled in it yet.</p> : <ConsultationList items={x.consultations} manage />}
              </section>
            ))
          )
        }
      </Loaded>
    </>
  );
}

function PlanSeries() {
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ title: '', organiser: 'UNODA', partners: '', symbol: '', mandateTitle: '', description: '' });
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, explainField);
  const bind = (key: keyof typeof form) => ({ value: form[key], onInput: (e: Event) => setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value }) });
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const reply = await post<{ id: string }>('/api/series', {
        title: form.title,
        organiser: form.organiser,
        partners: form.partners.split(',').map((p) => p.trim()).filter(Boolean),
        mandate: form.symbol.trim() ? { symbol: form.symbol.trim(), title: form.mandateTitle.trim() } : null,
        description: form.description.trim() || null,
      });
      navigate(`/manage/series/${reply.id}`);
    } catch (err) {
      setError(err);
    }
  };
  if (!open) {
    return (
      <p>
        <button type="button" onClick={() => setOpen(true)}>
          Plan a new series
        </button>
      </p>
    );
  }
  return (
    <form onSubmit={submit} noValidate class="panel stack">
      <h2>Plan a new series</h2>
      <Field id="title" label="Title" required error={errors.title}>
        {(p) => <input {...p} {...bind('title')} />}
      </Field>
      <div class="grid-2">
        <Field id="organiser" label="Organiser" required error={errors.organiser}>
          {(p) => <input {...p} {...bind('organiser')} />}
        </Field>
        <Field id="partners" label="Partners" hint="Separated by commas" error={errors.partners}>
          {(p) => <input {...p} {...bind('partners')} />}
        </Field>
        <Field id="mandate.symbol" label="Mandate: document symbol" hint="For example A/RES/73/266" error={errors['mandate.symbol']}>
          {(p) => <input {...p} {...bind('symbol')} />}
        </Field>
        <Field id="mandate.title" label="Mandate: title" error={errors['mandate.title']}>
          {(p) => <input {...p} {...bind('mandateTitle')} />}
        </Field>
      </div>
      <Field id="description" label="Description" error={errors.description}>
        {(p) => <textarea {...p} rows={3} {...bind('description')} />}
      </Field>
      {error !== null && Object.keys(errors).length === 0 && <Problem error={error} />}
      <p class="actions">
        <button type="submit">Plan the series</button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </p>
    </form>
  );
}
