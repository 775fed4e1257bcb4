import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  BACKOFF_MAX_MS,
  contractExpiryNotice,
  mailKindKey,
  mailKindsFor,
  MAIL_KINDS,
  slaAtRisk,
} from '../../../../shared/domain/mail.js';

const MIN = 60_000;

describe('backoff', () => {
  it.each([
    [1, 0, 30_000],
    [1, 1, 60_000],
    [2, 0, 60_000],
    [3, 0.5, 3 * MIN],
    [10, 1, BACKOFF_MAX_MS],
    [40, 0, BACKOFF_MAX_MS / 2],
  ])('after %i failures with jitter %d waits %i ms', (attempts, random, ms) => {
    expect(backoffDelayMs(attempts, random)).toBe(ms);
  });
});

describe('SLA at risk', () => {
  it.each([
    [null, 4 * 60 * MIN, false],
    [-1, 4 * 60 * MIN, false],
    [61 * MIN, 4 * 60 * MIN, false],
    [60 * MIN, 4 * 60 * MIN, true],
    [16 * MIN, 30 * MIN, false],
    [15 * MIN, 30 * MIN, true],
    [0, 30 * MIN, true],
  ])('%s ms left of %i', (left, target, risk) => {
    expect(slaAtRisk(left, target)).toBe(risk);
  });
});

describe('contract expiry notices', () => {
  it.each([
    [90, null],
    [61, null],
    [60, 60],
    [31, 60],
    [30, 30],
    [8, 30],
    [7, 7],
    [0, 7],
    [-1, null],
  ])('%i days before the end: %s', (days, notice) => {
    expect(contractExpiryNotice(days)).toBe(notice);
  });
});

it('names kinds as catalog select keys', () => {
  expect(mailKindKey('survey-invitation')).toBe('surveyInvitation');
  expect(mailKindKey('contract-expiring')).toBe('contractExpiring');
});

describe('kinds each role is offered', () => {
  it.each([
    ['customer-admin', ['survey-invitation', 'request-update', 'contract-expiring']],
    ['engineer', ['sla-at-risk']],
    ['it-staff', []],
    ['portal-admin', []],
  ] as const)('a %s is offered %j', (role, kinds) => {
    expect(mailKindsFor(role)).toEqual(kinds);
  });

  it('offers every kind to some role, so none can be sent without a way to turn it off', () => {
    const offered = new Set(
      (['customer-admin', 'it-staff', 'engineer', 'portal-admin'] as const).flatMap((r) => mailKindsFor(r)),
    );
    expect([...offered].sort()).toEqual([...MAIL_KINDS].sort());
  });
});
