import { describe, expect, it } from 'vitest';
import { compareAnswers, questionState, type AnswerStanding } from '../../../shared/domain/community-thread.js';
import { hasControlCharacter } from '../../../shared/domain/post-text.js';

const plain = { accepted: false, hidden: false };

describe('a question’s state', () => {
  it.each([
    ['no answers: open', [], 'open'],
    ['only hidden answers: open', [{ ...plain, hidden: true }], 'open'],
    ['one answer: answered', [plain], 'answered'],
    ['an accepted answer: accepted', [plain, { ...plain, accepted: true }], 'accepted'],
    ['an accepted answer that was hidden: answered', [plain, { accepted: true, hidden: true }], 'answered'],
  ] as const)('%s', (_case, answers, state) => {
    expect(questionState(answers)).toBe(state);
  });
});

const answer = (name: string, over: Partial<AnswerStanding>): AnswerStanding & { name: string } => ({
  name,
  accepted: false,
  verified: false,
  hidden: false,
  createdAt: '2026-11-01T00:00:00.000Z',
  ...over,
});

describe('the order of a thread’s answers', () => {
  it('puts the accepted answer first, then verified ones, then the oldest', () => {
    const answers = [
      answer('newer', { createdAt: '2026-11-03T00:00:00.000Z' }),
      answer('verified', { verified: true, createdAt: '2026-11-04T00:00:00.000Z' }),
      answer('older', { createdAt: '2026-11-02T00:00:00.000Z' }),
      answer('accepted', { accepted: true, createdAt: '2026-11-05T00:00:00.000Z' }),
    ];
    expect([...answers].sort(compareAnswers).map((a) => a.name)).toEqual(['accepted', 'verified', 'older', 'newer']);
  });
});

describe('control characters in a post', () => {
  it.each([
    ['plain text', 'The agent stops at 80%.', false],
    ['line breaks and tabs of Markdown', '1. stop\n2.\tstart\r\n', false],
    ['Chinese text', '升级失败：数据库连接超时', false],
    ['NUL', 'a\u0000b', true],
    ['escape', 'red \u001b[31m', true],
    ['DEL', 'x\u007f', true],
    ['vertical tab', 'a\u000bb', true],
  ] as const)('%s: %s', (_case, text, refused) => {
    expect(hasControlCharacter(text)).toBe(refused);
  });
});
