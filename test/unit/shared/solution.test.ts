import { describe, expect, it } from 'vitest';
import { REQUEST_ACTIONS, type RequestAction } from '../../../shared/domain/request-state.js';
import { assertActionNote, noteRequiredBy, type ActionNote } from '../../../shared/domain/solution.js';
import { HicareError } from '../../../shared/errors.js';

const TEXT = { solution: { text: 'Restart the agent.' } };

// action, note, the code it is refused with (null: accepted)
const CASES: ReadonlyArray<readonly [RequestAction, ActionNote, string | null]> = [
  ['propose-solution', TEXT, null],
  ['propose-solution', { solution: { text: 'Use the script.', attachmentId: 'a1' } }, null],
  ['propose-solution', {}, 'SOLUTION_REQUIRED'],
  ['propose-solution', { solution: { text: '' } }, 'SOLUTION_REQUIRED'],
  ['propose-solution', { solution: { text: ' \n\t' } }, 'SOLUTION_REQUIRED'],
  ['propose-solution', { ...TEXT, reason: 'why' }, 'ACTION_NOTE_NOT_EXPECTED'],
  ['reject-solution', { reason: 'It still fails.' }, null],
  ['reject-solution', {}, 'REJECTION_REASON_REQUIRED'],
  ['reject-solution', { reason: '   ' }, 'REJECTION_REASON_REQUIRED'],
  ['reject-solution', { reason: 'It still fails.', ...TEXT }, 'ACTION_NOTE_NOT_EXPECTED'],
  ['confirm', {}, null],
  ['confirm', { reason: 'It works.' }, 'ACTION_NOTE_NOT_EXPECTED'],
  ['accept', TEXT, 'ACTION_NOTE_NOT_EXPECTED'],
];

describe('what an action must carry besides its name', () => {
  it.each(CASES)('%s with %j is %s', (action, note, code) => {
    if (code === null) {
      expect(() => assertActionNote(action, note)).not.toThrow();
      return;
    }
    const error = (() => {
      try {
        assertActionNote(action, note);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(HicareError);
    expect(error).toMatchObject({ code, remedy: expect.stringMatching(/\S/) });
  });

  it('asks for words only when proposing a solution or rejecting one', () => {
    expect(Object.fromEntries(REQUEST_ACTIONS.map((a) => [a, noteRequiredBy(a)]))).toEqual({
      accept: null,
      'start-work': null,
      'ask-customer': null,
      'customer-reply': null,
      'propose-solution': 'solution',
      'reject-solution': 'reason',
      confirm: null,
      close: null,
      cancel: null,
    });
  });
});
