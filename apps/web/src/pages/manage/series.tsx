import { useState } from 'preact/hooks';
import { ApiError, get, post } from '../../api';
import { DownloadButton, Field, fieldErrors, Loaded, PageTitle, Problem, useLoad } from '../../components/ui';
import { explainField, explainRule, LANGUAGES } from '../../labels';
import { Link, navigate } from '../../router';
import { zoneLabel } from '../../time';
import type { SeriesOverview } from '../../types';
import { SeriesByline } from '../consultation';
import { ConsultationList } from '../home';

const ZONES: string[] = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? ['UTC'];

export function ManageSeries({ id }: { id: string }) {
  const [load] = useLoad(() => get<SeriesOverview>(`/api/series/${id}`), [id]);
  return (
    <Loaded load={load} what="the series">
      {(s) => (
        <>
          <p class="breadcrumbs">
            <Link href="/manage">Manage</Link>
          </p>
          <PageTitle title={s.title}>{s.title}</PageTitle>
          <SeriesByline s={s} />
          <h2>Consultations</h2>
          {s.consultations.length === 0 ? <p>None yet: schedule the first one below.</p> : <ConsultationList items={s.consultations} manage />}
          <ScheduleConsultation seriesId={s.id} />
          <h2>Series report</h2>
          <p class="actions">
            <DownloadButton path={`/api/series/${s.id}/report?format=docx`}>Series report (Word)</DownloadButton>
            <DownloadButton path={`/api/series/${s.id}/report?format=pdf`}>Series report (PDF)</DownloadButton>
          </p>
        </>
      )}
    </Loaded>
  );
}

function ScheduleConsultation({ seriesId }: { seriesId: string }) {
  const [orgs] = useLoad(() => get<Array<{ code: string; name: string }>>('/api/regional-organisations'), []);
  const [form, setForm] = useState({
    title: '',
    regionalOrganisation: '',
    hostMeeting: '',
    city: '',
    country: '',
    timeZone: '',
    startDate: '',
    endDate: '',
    capacity: '80',
    languages: ['en'] as string[],
  });
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error, explainField);
  if (error instanceof ApiError && error.rule === 'InvalidTimeZone') errors.timeZone ??= explainRule(error);
  if (error instanceof ApiError && error.rule === 'ConsultationEndsBeforeItStarts') errors.endDate ??= explainRule(error);
  const bind = (key: 'title' | 'regionalOrganisation' | 'hostMeeting' | 'city' | 'country' | 'timeZone' | 'startDate' | 'endDate' | 'capacity') => ({
    value: form[key],
    onInput: (e: Event) => setForm((f) => ({ ...f, [key]: (e.currentTarget as HTMLInputElement).value })),
  });
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const reply = await post<{ id: string }>(`/api/series/${seriesId}/consultations`, {
        title: form.title,
        regionalOrganisation: form.regionalOrganisation || null,
        hostMeeting: form.hostMeeting.trim() || null,
        venue: { city: form.city, country: form.country.trim().toUpperCase() },
        timeZone: form.timeZone,
        startDate: form.startDate,
        endDate: form.endDate || form.startDate,
        capacity: Number(form.capacity),
        workingLanguages: form.languages,
      });
      navigate(`/manage/consultations/${reply.id}`);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form onSubmit={submit} noValidate class="panel stack">
      <h2>Schedule a consultation</h2>
      <Field id="title" label="Title" required error={errors.title}>
        {(p) => <input {...p} {...bind('title')} />}
      </Field>
      <div class="grid-2">
        <Field id="regionalOrganisation" label="Regional organisation" hint="None for a cross-regional consultation" error={errors.regionalOrganisation}>
          {(p) => (
            <select {...p} {...bind('regionalOrganisation')} onChange={bind('regionalOrganisation').onInput}>
              <option value="">None (cross-regional)</option>
              {orgs.state === 'ready' &&
                orgs.value.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.name} ({o.code})
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field id="hostMeeting" label="Held alongside (host meeting)" error={errors.hostMeeting}>
          {(p) => <input {...p} {...bind('hostMeeting')} />}
        </Field>
        <Field id="venue.city" label="Venue city" required error={errors['venue.city']}>
          {(p) => <input {...p} {...bind('city')} />}
        </Field>
        <Field id="venue.country" label="Venue country code" hint="ISO 3166 three letters, e.g. SGP" required error={errors['venue.country']}>
          {(p) => <input {...p} {...bind('country')} maxLength={3} autoCapitalize="characters" />}
        </Field>
        <Field
          id="timeZone"
          label="Venue time zone"
          required
          error={errors.timeZone}
          hint={form.timeZone && ZONES.includes(form.timeZone) ? `All times of this consultation are at the venue: ${zoneLabel(form.timeZone, form.startDate || undefined)}` : 'For example Asia/Singapore'}
        >
          {(p) => (
            <>
              <input {...p} list="zones" {...bind('timeZone')} autoComplete="off" />
              <datalist id="zones">
                {ZONES.map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field id="capacity" label="Seats" required error={errors.capacity}>
          {(p) => <input {...p} type="number" min={1} inputMode="numeric" {...bind('capacity')} />}
        </Field>
        <Field id="startDate" label="First day (at the venue)" required error={errors.startDate}>
          {(p) => <input {...p} type="date" {...bind('startDate')} />}
        </Field>
        <Field id="endDate" label="Last day (at the venue)" error={errors.endDate} hint="Empty for a one-day consultation">
          {(p) => <input {...p} type="date" {...bind('endDate')} />}
        </Field>
      </div>
      <fieldset>
        <legend>Working languages</legend>
        <div class="inline-checks">
          {Object.entries(LANGUAGES).map(([code, name]) => (
            <span class="check" key={code}>
              <input
                type="checkbox"
                id={`lang-${code}`}
                checked={form.languages.includes(code)}
                onChange={(e) => setForm((f) => ({ ...f, languages: e.currentTarget.checked ? [...f.languages, code] : f.languages.filter((l) => l !== code) }))}
              />
              <label for={`lang-${code}`}>{name}</label>
            </span>
          ))}
        </div>
      </fieldset>
      {error !== null && Object.keys(errors).length === 0 && <Problem error={error} />}
      <p>
        <button type="submit">Schedule the consultation</button>
      </p>
    </form>
  );
}
