import { describe, expect, it } from 'vitest';
import { verdictWords } from '../../../renderer/src/lib/verdict-words.js';
import { slaCountdown } from '../../../renderer/src/lib/sla-words.js';
import { periodSentence, servicePeriodPosition } from '../../../renderer/src/lib/service-period.js';
import {
  formatBytes,
  formatDuration,
  formatEta,
  groupFingerprint,
  percentOf,
  productLabel,
} from '../../../renderer/src/lib/format.js';
import type { VerdictReasonCode } from '../../../shared/domain/verdict.js';
import { translator } from '../../../shared/i18n/translator.js';
import { kindLabel } from '../../../renderer/src/lib/verdict-words.js';
import { pathButtonLabel } from '../../../renderer/src/lib/upgrade-path.js';
import { contractStatusWords } from '../../../renderer/src/lib/service-period.js';

const reason = (code: VerdictReasonCode) => ({ code, message: `${code} message`, remedy: `${code} remedy` });

describe('a verdict in plain words', () => {
  it('says which contract includes an allowed release', () => {
    expect(verdictWords({ allowed: true, reasons: [] }, 'support')).toEqual({
      headline: 'Included in your Support contract',
      tone: 'ok',
    });
    expect(verdictWords({ allowed: true, reasons: [] }, 'upgrade-support').headline).toBe(
      'Included in your Upgrade Support contract',
    );
    expect(verdictWords({ allowed: true, reasons: [] }, undefined).headline).toBe('Included in your contract');
  });

  it('names the reason that decides most when several apply', () => {
    expect(
      verdictWords(
        { allowed: false, reasons: [reason('PRERELEASE'), reason('UPGRADE_REQUIRES_UPGRADE_SUPPORT')] },
        'support',
      ),
    ).toEqual({ headline: 'Needs Upgrade Support', tone: 'blocked' });
    expect(verdictWords({ allowed: false, reasons: [reason('RELEASED_AFTER_CONTRACT_END')] }, 'support').headline).toBe(
      'Needs a renewed contract',
    );
    expect(
      verdictWords(
        { allowed: false, reasons: [reason('UPGRADE_REQUIRES_UPGRADE_SUPPORT'), reason('SYSTEM_NOT_COVERED')] },
        'support',
      ).headline,
    ).toBe('Not covered by your contract');
    expect(verdictWords({ allowed: false, reasons: [reason('PRERELEASE')] }, 'upgrade-support')).toEqual({
      headline: 'Preview: not generally available',
      tone: 'info',
    });
    expect(
      verdictWords({ allowed: false, reasons: [reason('LINE_PAST_END_OF_MAINTENANCE')] }, 'support').headline,
    ).toBe('Line past end of maintenance');
  });
});

describe('the SLA countdown', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');

  it('counts down to the due time and turns over to overdue when it runs out', () => {
    const sla = { state: 'running' as const, dueAt: '2026-11-24T13:05:00Z', msLeft: 3_900_000 };
    expect(slaCountdown(sla, now)).toMatchObject({ label: '1 h 05 min left', tone: 'ok', msLeft: 3_900_000 });
    expect(slaCountdown(sla, Date.parse('2026-11-24T12:55:00Z')).tone).toBe('warn');
    expect(slaCountdown(sla, Date.parse('2026-11-24T13:07:30Z'))).toMatchObject({
      label: 'Overdue by 2 min 30 s',
      tone: 'blocked',
      msLeft: -150_000,
    });
  });

  it('says met or breached once TAC responded, and that the clock has not started before acceptance', () => {
    expect(slaCountdown({ state: 'met', dueAt: '2026-11-24T13:00:00Z', msLeft: null }, now)).toMatchObject({
      label: 'Response time met',
      tone: 'ok',
    });
    expect(slaCountdown({ state: 'breached', dueAt: '2026-11-24T11:00:00Z', msLeft: null }, now)).toMatchObject({
      label: 'Response time breached',
      tone: 'blocked',
    });
    expect(slaCountdown({ state: 'breached', dueAt: '2026-11-24T11:00:00Z', msLeft: -3_600_000 }, now).label).toBe(
      'Overdue by 1 h 00 min',
    );
    expect(slaCountdown({ state: 'awaiting-acceptance', dueAt: null, msLeft: null }, now)).toMatchObject({
      tone: 'info',
      msLeft: null,
    });
  });
});

describe('the service period timeline', () => {
  const period = { startDate: '2026-01-01', endDate: '2026-12-31', timeZone: 'Asia/Shanghai' };

  it('places today in the contract’s own time zone', () => {
    // 16:30 UTC on 30 June is already 1 July in Shanghai: day 181 of 365.
    const pos = servicePeriodPosition(period, new Date('2026-06-30T16:30:00Z'));
    expect(pos.today).toBe('2026-07-01');
    expect(pos.totalDays).toBe(365);
    expect(pos.fraction).toBeCloseTo(181 / 365, 6);
  });

  it('pins the marker to the ends before the start and after the end', () => {
    expect(servicePeriodPosition(period, new Date('2025-06-01T00:00:00Z')).fraction).toBe(0);
    expect(servicePeriodPosition(period, new Date('2027-06-01T00:00:00Z')).fraction).toBe(1);
  });

  it('says how long is left, until the start, or since when it ended', () => {
    const base = { startDate: '2026-01-01', endDate: '2026-12-31', daysLeft: 0, daysUntilStart: 0 };
    expect(periodSentence({ ...base, status: 'active', daysLeft: 166 })).toBe(
      '166 days of service left, through 31 Dec 2026.',
    );
    expect(periodSentence({ ...base, status: 'expiring', daysLeft: 1 })).toBe(
      '1 day of service left, through 31 Dec 2026.',
    );
    expect(periodSentence({ ...base, status: 'pending', daysUntilStart: 12 })).toBe(
      'Service starts on 1 Jan 2026, in 12 days.',
    );
    expect(periodSentence({ ...base, status: 'expired' })).toBe('Service ended on 31 Dec 2026.');
  });
});

describe('sizes, rates and durations', () => {
  it('reads short and never shows NaN', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1_442)).toBe('1.44 KB');
    expect(formatBytes(1_073_741_824)).toBe('1.07 GB');
    expect(formatBytes(Number.NaN)).toBe('—');
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(2 * 86_400_000 + 4 * 3_600_000)).toBe('2 d 4 h');
    expect(formatEta(null)).toBe('unknown');
    expect(formatEta(90)).toBe('1 min 30 s');
    expect(percentOf(5, 0)).toBe(0);
    expect(percentOf(50, 200)).toBe(25);
    expect(percentOf(300, 200)).toBe(100);
  });

  it('groups a root fingerprint in fours however it arrives', () => {
    expect(groupFingerprint('2412eeedc08c')).toBe('2412 EEED C08C');
    expect(groupFingerprint('2412 EEED C08C')).toBe('2412 EEED C08C');
    expect(groupFingerprint('24:12:EE:ED')).toBe('2412 EEED');
  });

  it('turns product ids into names', () => {
    expect(productLabel('atlas')).toBe('Atlas');
    expect(productLabel('beacon-console')).toBe('Beacon Console');
  });
});

describe('the same words in Chinese', () => {
  const zh = translator('zh-CN');
  const now = Date.parse('2026-11-24T12:00:00Z');

  it.each([
    [{ allowed: true, reasons: [] }, 'support', '包含在您的支持服务合同中'],
    [{ allowed: true, reasons: [] }, 'upgrade-support', '包含在您的升级支持服务合同中'],
    [{ allowed: false, reasons: [reason('UPGRADE_REQUIRES_UPGRADE_SUPPORT')] }, 'support', '需要升级支持服务'],
    [{ allowed: false, reasons: [reason('CONTRACT_PENDING')] }, 'support', '服务开始后即可使用'],
    [{ allowed: false, reasons: [reason('PRERELEASE')] }, 'support', '预览版：尚未正式发布'],
    [{ allowed: false, reasons: [] }, undefined, '不在您的合同范围内'],
  ] as const)('a verdict headline reads in Chinese (%#)', (verdict, tier, headline) => {
    expect(verdictWords({ allowed: verdict.allowed, reasons: [...verdict.reasons] }, tier, zh).headline).toBe(headline);
  });

  it.each([
    [{ state: 'awaiting-acceptance', dueAt: null, msLeft: null }, '尚未受理：响应时间从受理时开始计算', '尚未受理'],
    [{ state: 'met', dueAt: '2026-11-24T13:00:00Z', msLeft: null }, '已按时响应', '已按时响应'],
    [{ state: 'breached', dueAt: null, msLeft: null }, '响应超时', '响应超时'],
  ] as const)('an SLA state reads in Chinese (%#)', (sla, label, short) => {
    expect(slaCountdown(sla, now, zh)).toMatchObject({ label, short });
  });

  it('says how long the service has left, with the date written the Chinese way', () => {
    const base = { startDate: '2026-01-01', endDate: '2026-12-31', daysLeft: 0, daysUntilStart: 0 };
    expect(periodSentence({ ...base, status: 'active', daysLeft: 166 }, zh)).toBe(
      '服务还剩 166 天，至 2026年12月31日止。',
    );
    expect(periodSentence({ ...base, status: 'pending', daysUntilStart: 1 }, zh)).toBe(
      '服务将于 2026年1月1日开始，还有 1 天。',
    );
    expect(periodSentence({ ...base, status: 'expired' }, zh)).toBe('服务已于 2026年12月31日结束。');
    expect(contractStatusWords('expiring', zh)).toBe('即将到期');
  });

  it('names release kinds and the path button in Chinese, and keeps the English button', () => {
    expect(kindLabel('upgrade', zh)).toBe('升级');
    expect(pathButtonLabel(['1.9.0', '2.0.0', '2.3.1'], zh)).toBe('按升级路径安装（1.9.0、2.0.0，然后 2.3.1）');
    expect(pathButtonLabel(['1.9.0', '2.3.1'])).toBe('Install the path (1.9.0, then 2.3.1)');
    expect(pathButtonLabel(['2.3.1'])).toBe('Install 2.3.1');
  });
});
