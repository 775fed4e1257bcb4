/**
 * One region: its name and response-time table, and its business calendar year by year, each year editable (time
 * zone, hours, working days, holidays and weekend days worked), added or removed.
 */
import { useEffect, useState, type FormEvent } from 'react';
import {
  CalendarYearSchema,
  RegionUpdateSchema,
  type CalendarYearView,
  type Region,
} from '../../../../../shared/contracts/admin/regions.js';
import type { Weekday } from '../../../../../shared/domain/dates.js';
import { workdaysWords } from '../../../../../shared/domain/region-words.js';
import { assertCalendarYear, PRIORITIES } from '../../../../../shared/domain/sla.js';
import { ErrorNotice } from '../../../components/ErrorNotice.js';
import { Pending, Section } from '../../../components/Section.js';
import { adminCall } from '../../../console/admin-call.js';
import { useT } from '../../../i18n/index.js';
import { toShownError, type ShownError } from '../../../lib/errors.js';
import { hrefOf } from '../../../lib/routes.js';
import { newYearFrom, parseDateLines, tableForm, tableOf, type TableForm, type TargetChoice } from './region-form.js';
import { refusalOf } from './schema-error.js';

const WEEK: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];

export function RegionRecord({ id }: { id: string }) {
  const { t } = useT();
  const [region, setRegion] = useState<Region | null>(null);
  const [error, setError] = useState<ShownError | null>(null);

  useEffect(() => {
    let current = true;
    adminCall('adminRegion', { params: { id } }).then(
      (r) => current && setRegion(r),
      (e: unknown) => current && setError(toShownError(e)),
    );
    return () => {
      current = false;
    };
  }, [id]);

  return (
    <Section title={t('admin.regions.record.title', { id })} testId="regions-record">
      <p>
        <a href={hrefOf({ name: 'console', area: 'regions' })}>{t('admin.console.backToList')}</a>
      </p>
      {error !== null && <ErrorNotice error={error} testId="regions-record-error" />}
      {region === null && error === null && <Pending what={id} />}
      {region !== null && (
        <>
          <p className="muted small">{t('admin.regions.record.contractsUsing', { count: region.contracts })}</p>
          <RegionForm region={region} onSaved={setRegion} />
          <Calendars region={region} onSaved={setRegion} />
        </>
      )}
    </Section>
  );
}

function RegionForm({ region, onSaved }: { region: Region; onSaved: (r: Region) => void }) {
  const { t } = useT();
  const [name, setName] = useState(region.name);
  const [table, setTable] = useState<TableForm>(tableForm(region.responseTimes));
  const [error, setError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const body = { name: name.trim(), responseTimes: tableOf(table) };
    const refused = refusalOf(RegionUpdateSchema, body);
    if (refused !== null) return setError(refused);
    adminCall('adminUpdateRegion', { params: { id: region.id }, body }).then(
      (r) => {
        setError(null);
        setSaved(true);
        onSaved(r);
      },
      (err: unknown) => setError(toShownError(err)),
    );
  };

  return (
    <form className="form card" onSubmit={submit} data-testid="regions-form">
      <label>
        {t('admin.regions.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} data-testid="regions-name" />
      </label>
      <table className="table">
        <caption>{t('admin.regions.table.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.regions.table.priority')}</th>
            <th scope="col">{t('admin.regions.table.target')}</th>
          </tr>
        </thead>
        <tbody>
          {PRIORITIES.map((p) => (
            <tr key={p}>
              <th scope="row">{p}</th>
              <td>
                <label>
                  <span className="visually-hidden">{`${p} ${t('admin.regions.table.target')}`}</span>
                  <select
                    value={table[p].choice}
                    data-testid={`regions-target-${p}`}
                    onChange={(e) =>
                      setTable({ ...table, [p]: { ...table[p], choice: e.target.value as TargetChoice } })
                    }
                  >
                    <option value="default">{t('admin.regions.table.kind.default')}</option>
                    <option value="minutes">{t('admin.regions.table.kind.minutes')}</option>
                    <option value="nextBusinessDay">{t('admin.regions.table.kind.nextBusinessDay')}</option>
                  </select>
                </label>
                {table[p].choice === 'minutes' && (
                  <label>
                    <span className="visually-hidden">{t('admin.regions.table.kind.minutes')}</span>
                    <input
                      inputMode="numeric"
                      value={table[p].minutes}
                      data-testid={`regions-minutes-${p}`}
                      onChange={(e) => setTable({ ...table, [p]: { ...table[p], minutes: e.target.value } })}
                    />
                  </label>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error !== null && <ErrorNotice error={error} testId="regions-form-error" />}
      {saved && <p role="status">{t('admin.console.saved')}</p>}
      <button type="submit" data-testid="regions-save">
        {t('admin.regions.record.save')}
      </button>
    </form>
  );
}

function Calendars({ region, onSaved }: { region: Region; onSaved: (r: Region) => void }) {
  const { t } = useT();
  const [editing, setEditing] = useState<{ version: CalendarYearView; isNew: boolean } | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const nextYear = (region.calendars.at(-1)?.year ?? new Date().getFullYear() - 1) + 1;

  const remove = (year: number) => {
    adminCall('adminRemoveRegionCalendar', { params: { id: region.id, year: String(year) } }).then(
      (r) => {
        setError(null);
        onSaved(r);
      },
      (err: unknown) => setError(toShownError(err)),
    );
  };

  return (
    <section className="card" data-testid="regions-calendars">
      <h3>{t('admin.regions.calendar.title')}</h3>
      <p className="muted small">{t('admin.regions.calendar.hint')}</p>
      {region.calendars.length === 0 && <p className="muted">{t('admin.regions.calendar.none')}</p>}
      {region.calendars.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('admin.regions.calendar.year')}</th>
              <th scope="col">{t('admin.regions.calendar.timeZone')}</th>
              <th scope="col">{t('admin.regions.calendar.hours')}</th>
              <th scope="col">{t('admin.regions.calendar.workdays')}</th>
              <th scope="col">{t('admin.regions.calendar.holidays')}</th>
              <th scope="col">{t('admin.regions.calendar.workingWeekends')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {region.calendars.map((c) => (
              <tr key={c.year} data-testid={`regions-year-${c.year}`}>
                <th scope="row">{c.year}</th>
                <td translate="no">{c.timeZone}</td>
                <td>{t('admin.regions.calendar.hoursRange', { opensAt: c.opensAt, closesAt: c.closesAt })}</td>
                <td>{workdaysWords(c.workdays, t)}</td>
                <td title={c.holidays.join(' ')}>
                  {t('admin.regions.calendar.dateCount', { count: c.holidays.length })}
                </td>
                <td title={c.workingWeekends.join(' ')}>{c.workingWeekends.join(' ')}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    onClick={() => setEditing({ version: c, isNew: false })}
                    data-testid="regions-year-edit"
                  >
                    {t('admin.regions.calendar.edit')}
                  </button>
                  <button type="button" onClick={() => remove(c.year)} data-testid="regions-year-remove">
                    {t('admin.regions.calendar.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error !== null && <ErrorNotice error={error} testId="regions-calendars-error" />}
      {editing === null ? (
        <button
          type="button"
          onClick={() => setEditing({ version: newYearFrom(region.calendars, nextYear), isNew: true })}
          data-testid="regions-year-add"
        >
          {t('admin.regions.calendar.add')}
        </button>
      ) : (
        <YearForm
          key={`${editing.version.year}-${editing.isNew}`}
          regionId={region.id}
          start={editing.version}
          isNew={editing.isNew}
          onDone={(r) => {
            setEditing(null);
            if (r !== null) onSaved(r);
          }}
        />
      )}
    </section>
  );
}

function YearForm({
  regionId,
  start,
  isNew,
  onDone,
}: {
  regionId: string;
  start: CalendarYearView;
  isNew: boolean;
  onDone: (r: Region | null) => void;
}) {
  const { t } = useT();
  const [year, setYear] = useState(String(start.year));
  const [timeZone, setTimeZone] = useState(start.timeZone);
  const [opensAt, setOpensAt] = useState(start.opensAt);
  const [closesAt, setClosesAt] = useState(start.closesAt);
  const [workdays, setWorkdays] = useState<Weekday[]>(start.workdays);
  const [holidays, setHolidays] = useState(start.holidays.join('\n'));
  const [moved, setMoved] = useState(start.workingWeekends.join('\n'));
  const [error, setError] = useState<ShownError | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const version: CalendarYearView = {
      year: Number(year),
      timeZone: timeZone.trim(),
      opensAt,
      closesAt,
      workdays: [...workdays].sort(),
      holidays: parseDateLines(holidays),
      workingWeekends: parseDateLines(moved),
    };
    const refused = refusalOf(CalendarYearSchema, version, () => assertCalendarYear(version));
    if (refused !== null) return setError(refused);
    const { year: y, ...body } = version;
    const call = isNew
      ? adminCall('adminAddRegionCalendar', { params: { id: regionId }, body: version })
      : adminCall('adminReplaceRegionCalendar', { params: { id: regionId, year: String(y) }, body });
    call.then(onDone, (err: unknown) => setError(toShownError(err)));
  };

  return (
    <form className="form" onSubmit={submit} data-testid="regions-year-form">
      <label>
        {t('admin.regions.calendar.year')}
        <input
          value={year}
          disabled={!isNew}
          inputMode="numeric"
          onChange={(e) => setYear(e.target.value)}
          data-testid="regions-year"
        />
      </label>
      <label>
        {t('admin.regions.calendar.timeZone')}
        <input
          value={timeZone}
          onChange={(e) => setTimeZone(e.target.value)}
          translate="no"
          data-testid="regions-time-zone"
        />
      </label>
      <label>
        {t('admin.regions.calendar.opensAt')}
        <input type="time" value={opensAt} onChange={(e) => setOpensAt(e.target.value)} data-testid="regions-opens" />
      </label>
      <label>
        {t('admin.regions.calendar.closesAt')}
        <input
          type="time"
          value={closesAt}
          onChange={(e) => setClosesAt(e.target.value)}
          data-testid="regions-closes"
        />
      </label>
      <fieldset>
        <legend>{t('admin.regions.calendar.workdays')}</legend>
        {WEEK.map((d) => (
          <label key={d}>
            <input
              type="checkbox"
              checked={workdays.includes(d)}
              data-testid={`regions-workday-${d}`}
              onChange={(e) => setWorkdays(e.target.checked ? [...workdays, d] : workdays.filter((w) => w !== d))}
            />
            {t(`admin.regions.weekday.d${d}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('admin.regions.calendar.holidays')}
        <textarea
          rows={6}
          value={holidays}
          onChange={(e) => setHolidays(e.target.value)}
          data-testid="regions-holidays"
        />
        <span className="muted small">{t('admin.regions.calendar.datesHint')}</span>
      </label>
      <label>
        {t('admin.regions.calendar.workingWeekends')}
        <textarea
          rows={3}
          value={moved}
          onChange={(e) => setMoved(e.target.value)}
          data-testid="regions-working-weekends"
        />
        <span className="muted small">{t('admin.regions.calendar.workingWeekendsHint')}</span>
      </label>
      {error !== null && <ErrorNotice error={error} testId="regions-year-error" />}
      <div className="row-actions">
        <button type="submit" data-testid="regions-year-save">
          {t('admin.regions.calendar.replace')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t('admin.console.cancel')}
        </button>
      </div>
    </form>
  );
}
