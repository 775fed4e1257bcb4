import { describe, expect, it } from 'vitest';
import {
  END_OF_SERVICE_NOTICE_DAYS,
  lineNotice,
  lineNoticeWords,
  type LineNotice,
} from '../../../shared/domain/line-notice.js';
import type { LineLifecycle } from '../../../shared/domain/release.js';
import { codeOf } from '../../support.js';

const BEACON_1: LineLifecycle = {
  product: 'beacon',
  major: 1,
  ga: '2021-09-06',
  endOfMaintenance: '2025-09-30',
  endOfService: '2026-12-31',
};
const ATLAS_2: LineLifecycle = { product: 'atlas', major: 2, ga: '2025-06-16' };
const at = (iso: string) => new Date(iso);

describe('lineNotice: when a line needs attention', () => {
  it.each<[string, LineLifecycle, string, LineNotice | null]>([
    ['a line with no dates announced', ATLAS_2, '2030-01-01T12:00:00Z', null],
    [
      'a maintained line far from its end',
      { ...BEACON_1, endOfMaintenance: '2027-09-30', endOfService: '2028-12-31' },
      '2026-12-01T12:00:00Z',
      null,
    ],
    [
      'the last day of maintenance is still maintained',
      { ...BEACON_1, endOfService: '2030-12-31' },
      '2025-09-30T23:00:00Z',
      null,
    ],
    [
      'the day after end of maintenance',
      { ...BEACON_1, endOfService: '2030-12-31' },
      '2025-10-01T00:00:00Z',
      { kind: 'past-end-of-maintenance', endOfMaintenance: '2025-09-30', endOfService: '2030-12-31' },
    ],
    [
      'past end of maintenance with no end of service announced',
      { product: 'beacon', major: 1, ga: '2021-09-06', endOfMaintenance: '2025-09-30' },
      '2026-01-01T00:00:00Z',
      { kind: 'past-end-of-maintenance', endOfMaintenance: '2025-09-30', endOfService: null },
    ],
    [
      `one day more than ${END_OF_SERVICE_NOTICE_DAYS} days before end of service`,
      BEACON_1,
      '2026-10-01T12:00:00Z',
      { kind: 'past-end-of-maintenance', endOfMaintenance: '2025-09-30', endOfService: '2026-12-31' },
    ],
    [
      `exactly ${END_OF_SERVICE_NOTICE_DAYS} days before end of service`,
      BEACON_1,
      '2026-10-02T12:00:00Z',
      { kind: 'nearing-end-of-service', endOfService: '2026-12-31', daysLeft: 90, endOfMaintenance: '2025-09-30' },
    ],
    [
      'nearing end of service while still maintained',
      { ...BEACON_1, endOfMaintenance: '2026-12-31' },
      '2026-12-01T12:00:00Z',
      { kind: 'nearing-end-of-service', endOfService: '2026-12-31', daysLeft: 30, endOfMaintenance: null },
    ],
    [
      'the last day of service',
      BEACON_1,
      '2026-12-31T23:59:00Z',
      { kind: 'nearing-end-of-service', endOfService: '2026-12-31', daysLeft: 0, endOfMaintenance: '2025-09-30' },
    ],
    [
      'past end of service',
      BEACON_1,
      '2027-01-01T00:00:00Z',
      { kind: 'past-end-of-service', endOfService: '2026-12-31' },
    ],
  ])('%s', (_name, lifecycle, now, expected) => {
    expect(lineNotice(lifecycle, at(now))).toEqual(expected);
  });

  it('counts days in the given time zone', () => {
    // 2025-09-30 23:30 in UTC is already 1 October in Berlin.
    expect(
      lineNotice({ ...BEACON_1, endOfService: '2030-12-31' }, at('2025-09-30T23:30:00Z'), 'Europe/Berlin')?.kind,
    ).toBe('past-end-of-maintenance');
  });

  it('refuses a lifecycle whose dates are out of order', () => {
    expect(codeOf(() => lineNotice({ ...BEACON_1, endOfService: '2024-01-01' }, at('2026-01-01T00:00:00Z')))).toBe(
      'INVALID_LIFECYCLE',
    );
  });
});

describe('lineNoticeWords', () => {
  it.each<[string, LineNotice, string | null, string]>([
    [
      'nearing end of service, past maintenance, with the upgrade',
      { kind: 'nearing-end-of-service', endOfService: '2026-12-31', daysLeft: 30, endOfMaintenance: '2025-09-30' },
      'Beacon 2.1.4',
      'Beacon 1.x reaches its end of service on 2026-12-31 (in 30 days). It has had no new updates since 2025-09-30. The upgrade to Beacon 2.1.4 leaves it.',
    ],
    [
      'the last day',
      { kind: 'nearing-end-of-service', endOfService: '2026-12-31', daysLeft: 0, endOfMaintenance: null },
      null,
      'Beacon 1.x reaches its end of service on 2026-12-31 (today). Plan the upgrade to a newer major version.',
    ],
    [
      'past end of maintenance',
      { kind: 'past-end-of-maintenance', endOfMaintenance: '2025-09-30', endOfService: null },
      'Beacon 2.1.4',
      'Beacon 1.x reached its end of maintenance on 2025-09-30: it gets no new updates. The upgrade to Beacon 2.1.4 leaves it.',
    ],
    [
      'past end of service',
      { kind: 'past-end-of-service', endOfService: '2026-12-31' },
      'Beacon 2.1.4',
      'Beacon 1.x reached its end of service on 2026-12-31: it is no longer serviced. The upgrade to Beacon 2.1.4 leaves it.',
    ],
  ])('%s', (_name, notice, upgrade, words) => {
    expect(lineNoticeWords(notice, 'Beacon 1.x', upgrade)).toBe(words);
  });
});
