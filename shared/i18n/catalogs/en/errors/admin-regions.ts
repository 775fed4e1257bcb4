/** Refusals of the back office: Regions: response-time tables and business calendars. */
import type { ErrorMessages } from '../../../error-messages.js';

const WEEKDAY_REMEDY = 'Move working days only onto days the weekly pattern has off, such as a Saturday or a Sunday.';

export const regionsErrors = {
  INVALID_INPUT: {
    calendarYear: {
      message: 'The calendar year {year} is out of range.',
      remedy: 'Give a year from {min} to {max}.',
    },
    calendarHours: {
      message: 'Business hours {opensAt}–{closesAt} end before they start.',
      remedy: 'Give an opening time earlier than the closing time, for example 09:00–18:00.',
    },
    calendarEmptyWeek: {
      message: 'The {year} calendar has no working day in its week.',
      remedy: 'Choose at least one working day of the week, for example Monday to Friday.',
    },
    calendarHolidayYear: {
      message: 'The holiday {date} is not in {year}, the year of this calendar.',
      remedy: 'Enter the holiday in the calendar of its own year.',
    },
    calendarWorkingDayYear: {
      message: 'The moved working day {date} is not in {year}, the year of this calendar.',
      remedy: 'Enter the moved working day in the calendar of its own year.',
    },
    calendarWorkingDayWeekday: {
      message: 'The moved working day {date} is already a working day of the week.',
      remedy: WEEKDAY_REMEDY,
    },
    calendarWorkingDayHoliday: {
      message: '{date} is given both as a holiday and as a moved working day.',
      remedy: 'Keep the date in one of the two lists.',
    },
  },
  NOT_FOUND: {
    region: {
      message: 'There is no region "{id}".',
      remedy: 'Check the region id, or create the region first.',
    },
    regionCalendar: {
      message: 'Region "{id}" has no calendar for {year}.',
      remedy: 'Add the year’s calendar first, or pick a year the region has.',
    },
  },
  ALREADY_EXISTS: {
    region: {
      message: 'A region "{id}" already exists.',
      remedy: 'Choose another id, or change the existing region.',
    },
    regionCalendar: {
      message: 'Region "{id}" already has a calendar for {year}.',
      remedy: 'Replace that year’s calendar instead of adding it again.',
    },
  },
} satisfies ErrorMessages;
