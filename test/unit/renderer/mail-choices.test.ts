import { describe, expect, it } from 'vitest';
import { canRetry, changedKinds, failureArgs } from '../../../renderer/src/lib/mail-choices.js';

const allOn = {
  kinds: { 'survey-invitation': true, 'request-update': true, 'sla-at-risk': true, 'contract-expiring': true },
};

describe('changed kinds', () => {
  it('sends nothing when no box changed', () => {
    expect(changedKinds(allOn, allOn)).toEqual({});
  });

  it('sends only the boxes that changed, each with its new value', () => {
    const saved = { kinds: { ...allOn.kinds, 'sla-at-risk': false } };
    const chosen = { kinds: { ...allOn.kinds, 'survey-invitation': false } };
    expect(changedKinds(saved, chosen)).toEqual({ 'survey-invitation': false, 'sla-at-risk': true });
  });
});

describe('failure words', () => {
  it.each([
    [
      { reason: 'refused', server: 'smtp:25', smtpCode: 550 },
      { reason: 'refused', server: 'smtp:25', smtpCode: 550 },
    ],
    [{ reason: 'optedOut' }, { reason: 'optedOut', server: '', smtpCode: '' }],
  ] as const)('%j is read as %j', (failure, args) => {
    expect(failureArgs(failure)).toEqual(args);
  });
});

describe('retry', () => {
  it.each([
    ['queued', true],
    ['failed', true],
    ['sending', false],
    ['sent', false],
  ] as const)('a %s mail can be retried: %s', (state, yes) => {
    expect(canRetry(state)).toBe(yes);
  });
});
