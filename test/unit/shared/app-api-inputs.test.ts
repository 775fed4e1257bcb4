/**
 * The app's calls that carry what the portal takes reuse the portal's schemas (with the request or system id
 * added), so the window refuses what the portal would refuse, and nothing the portal accepts is refused first.
 */
import { describe, expect, it } from 'vitest';
import { appApi } from '../../../shared/contracts/app-api.js';
import { REJECTION_REASON_MAX_CHARS } from '../../../shared/domain/solution.js';

const input = (method: keyof typeof appApi.methods) => appApi.methods[method].input;

describe('app inputs built on the portal schemas', () => {
  it.each<[string, keyof typeof appApi.methods, unknown, boolean]>([
    ['a message with words', 'requests.message', { id: 'r1', body: 'The turbine rebooted again.' }, true],
    ['a message of blanks only', 'requests.message', { id: 'r1', body: '   ' }, false],
    ['a message without its request', 'requests.message', { body: 'hello' }, false],
    [
      'a message with a field the portal does not know',
      'requests.message',
      { id: 'r1', body: 'hello', urgent: true },
      false,
    ],
    ['a known action', 'requests.act', { id: 'r1', action: 'accept' }, true],
    ['an unknown action', 'requests.act', { id: 'r1', action: 'escalate' }, false],
    [
      'an action with a solution slipped in',
      'requests.act',
      { id: 'r1', action: 'accept', solution: { text: 'x' } },
      false,
    ],
    ['a version entered for a system', 'systems.setVersion', { serialNumber: 'CG-ATL-0001', version: '1.4.2' }, true],
    [
      'a version not in the catalog, confirmed',
      'systems.setVersion',
      { serialNumber: 'CG-ATL-0001', version: '1.4.2', notInCatalog: true },
      true,
    ],
    [
      'a version entered with a report field',
      'systems.setVersion',
      { serialNumber: 'CG-ATL-0001', version: '1.4.2', how: 'entered' },
      false,
    ],
    ['a rejection with its reason', 'requests.rejectSolution', { id: 'r1', reason: 'Still reboots.' }, true],
    ['a rejection without a reason', 'requests.rejectSolution', { id: 'r1' }, false],
    [
      'a rejection past the portal limit',
      'requests.rejectSolution',
      { id: 'r1', reason: 'x'.repeat(REJECTION_REASON_MAX_CHARS + 1) },
      false,
    ],
  ])('%s (accepted: %s)', (_name, method, value, accepted) => {
    expect(input(method).safeParse(value).success).toBe(accepted);
  });

  it('trims a message as the portal does', () => {
    expect(input('requests.message').parse({ id: 'r1', body: '  hello  ' })).toEqual({ id: 'r1', body: 'hello' });
  });
});
