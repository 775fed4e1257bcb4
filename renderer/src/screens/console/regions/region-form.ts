/** What the region forms turn typed text into before the shared schemas check it. */
import type { CalendarYearView } from '../../../../../shared/contracts/admin/regions.js';
import type { Weekday } from '../../../../../shared/domain/dates.js';
import { PRIORITIES, type ResponseTable } from '../../../../../shared/domain/sla.js';

/** Dates typed one a line (or separated by commas or spaces), blanks dropped, each once, in order. */
export function parseDateLines(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,，、]+/)
        .map((d) => d.trim())
        .filter((d) => d !== ''),
    ),
  ].sort();
}

export type TargetChoice = 'default' | 'minutes' | 'nextBusinessDay';
export type TableForm = Record<(typeof PRIORITIES)[number], { choice: TargetChoice; minutes: string }>;

export function tableForm(table: ResponseTable): TableForm {
  return Object.fromEntries(
    PRIORITIES.map((p) => {
      const target = table[p];
      if (target === undefined) return [p, { choice: 'default', minutes: '' }];
      return target.kind === 'minutes'
        ? [p, { choice: 'minutes', minutes: String(target.minutes) }]
        : [p, { choice: 'nextBusinessDay', minutes: '' }];
    }),
  ) as TableForm;
}

/** The table the form says; minutes left as typed (a number or NaN) for the schema to accept or name. */
export function tableOf(form: TableForm): ResponseTable {
  const table: ResponseTable = {};
  for (const p of PRIORITIES) {
    const { choice, minutes } = form[p];
    if (choice === 'minutes') table[p] = { kind: 'minutes', minutes: Number(minutes.trim() || NaN) };
    else if (choice === 'nextBusinessDay') table[p] = { kind: 'next-business-day' };
  }
  return table;
}

/** A new year's starting point: the latest year's pattern carried over, without its dates. */
export function newYearFrom(calendars: readonly CalendarYearView[], year: number): CalendarYearView {
  const latest = calendars.at(-1);
  return {
    year,
    timeZone: latest?.timeZone ?? '',
    opensAt: latest?.opensAt ?? '09:00',
    closesAt: latest?.closesAt ?? '18:00',
    workdays: latest?.workdays ?? ([1, 2, 3, 4, 5] as Weekday[]),
    holidays: [],
    workingWeekends: [],
  };
}
