import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatInstant, formatParams } from '../../../../shared/i18n/format.js';

describe('formatCalendarDate', () => {
  it.each([
    ['en', '2027-03-31', 'Asia/Shanghai', '31 Mar 2027, Asia/Shanghai'],
    ['zh-CN', '2027-03-31', 'Asia/Shanghai', '2027年3月31日 (Asia/Shanghai)'],
    ['en', '2027-03-31', undefined, '31 Mar 2027'],
    ['zh-CN', '2027-01-01', undefined, '2027年1月1日'],
    ['en', 'not a date', undefined, 'not a date'],
  ] as const)('%s %s %s', (locale, date, zone, text) => {
    expect(formatCalendarDate(locale, date, zone)).toBe(text);
  });
});

describe('formatInstant', () => {
  it('writes the time in the zone and names it', () => {
    expect(formatInstant('en', '2026-12-06T20:21:00Z', 'Asia/Shanghai')).toBe('7 Dec 2026, 04:21, Asia/Shanghai');
    expect(formatInstant('zh-CN', '2026-12-06T20:21:00Z', 'Asia/Shanghai')).toBe('2026年12月7日 04:21 (Asia/Shanghai)');
    expect(formatInstant('en', '2026-12-06T20:21:00Z', 'UTC')).toBe('6 Dec 2026, 20:21, UTC');
  });

  it('falls back to UTC, named, for a zone the runtime does not know', () => {
    expect(formatInstant('en', '2026-12-06T20:21:00Z', 'Mars/Olympus')).toBe('6 Dec 2026, 20:21, UTC');
  });
});

describe('formatParams', () => {
  it('writes out …Date and …At params in the zone param, and leaves the rest', () => {
    expect(
      formatParams('zh-CN', {
        endDate: '2027-03-31',
        openedAt: '2026-12-06T20:21:00Z',
        zone: 'Asia/Shanghai',
        id: 'C-1',
      }),
    ).toEqual({
      endDate: '2027年3月31日 (Asia/Shanghai)',
      openedAt: '2026年12月7日 04:21 (Asia/Shanghai)',
      zone: 'Asia/Shanghai',
      id: 'C-1',
    });
  });
});
