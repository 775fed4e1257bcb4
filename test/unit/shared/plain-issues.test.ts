import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invalidValues, issuesSentence, plainIssues, safeParsePlain } from '../../../shared/api/plain-issues.js';
import { GrantCreateSchema } from '../../../shared/contracts/requests.js';

const ZOD_PHRASING = /Invalid input|Invalid option|Too big|Too small|expected .* received|Unrecognized key|>=|<=/;

const FORM = z
  .object({
    password: z.string().min(12).max(256).optional(),
    name: z.string().min(1),
    hours: z.number().int().min(1).max(72),
    scope: z.enum(['view', 'diagnose', 'repair']),
    channel: z.literal('ssh'),
    portal: z.url(),
    email: z.email(),
    id: z.string().regex(/^[a-z]+$/, 'lowercase letters only'),
    tags: z.array(z.string()).max(2),
    price: z.number().multipleOf(5),
    at: z.iso.datetime(),
  })
  .partial()
  .extend({ name: z.string().min(1) })
  .strict();

describe('schema refusals in plain words, field by field', () => {
  it.each<[string, unknown, string]>([
    ['a password too short', { name: 'a', password: 'short' }, 'password: at least 12 characters'],
    ['a password too long', { name: 'a', password: 'x'.repeat(300) }, 'password: at most 256 characters'],
    ['a missing field', {}, 'name: required'],
    ['an empty field', { name: '' }, 'name: must not be empty'],
    ['text where a number belongs', { name: 'a', hours: 'four' }, 'hours: must be a number'],
    ['a fraction where a whole number belongs', { name: 'a', hours: 2.5 }, 'hours: must be a whole number'],
    ['a number too large', { name: 'a', hours: 500 }, 'hours: at most 72'],
    ['a number too small', { name: 'a', hours: 0 }, 'hours: at least 1'],
    [
      'a choice outside the list',
      { name: 'a', scope: 'admin' },
      'scope: must be one of "view", "diagnose" or "repair"',
    ],
    ['a fixed value', { name: 'a', channel: 'rdp' }, 'channel: must be "ssh"'],
    ['an address that is none', { name: 'a', portal: 'nope' }, 'portal: must be a web address (https://…)'],
    ['an e-mail that is none', { name: 'a', email: 'nope' }, 'email: must be an e-mail address'],
    ['a message the schema wrote itself', { name: 'a', id: 'A1' }, 'id: lowercase letters only'],
    ['too many items', { name: 'a', tags: ['a', 'b', 'c'] }, 'tags: at most 2 items'],
    ['a multiple', { name: 'a', price: 7 }, 'price: must be a multiple of 5'],
    ['a date and time', { name: 'a', at: 'tomorrow' }, 'at: must be a date and time (2026-03-01T12:00:00Z)'],
    ['an unknown field', { name: 'a', isAdmin: true }, '"isAdmin" is not accepted here'],
    ['not an object at all', 'text', 'must be a group of fields'],
  ])('%s', (_what, value, words) => {
    const result = safeParsePlain(FORM, value);
    expect(result.success).toBe(false);
    const sentence = issuesSentence(plainIssues(result.error!));
    expect(sentence).toBe(words);
    expect(sentence).not.toMatch(ZOD_PHRASING);
  });

  it('names a grant that asks too much in one sentence, with the code, the remedy and each field in the details', () => {
    const result = safeParsePlain(GrantCreateSchema, {
      channel: 'ssh',
      address: 'h',
      account: 'a',
      scope: 'repair',
      password: 'short',
      expiresInHours: 500,
    });
    const error = invalidValues(plainIssues(result.error!, ['grant']), 'Correct the values named and try again.');
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe(
      'These values are not accepted: grant.password: at least 12 characters; grant.expiresInHours: at most 72.',
    );
    expect(error.details).toMatchObject({ issues: [{ path: 'grant.password' }, { path: 'grant.expiresInHours' }] });
  });

  it('shows three fields and counts the rest', () => {
    const issues = ['a', 'b', 'c', 'd', 'e'].map((path) => ({ path, message: 'required' }));
    expect(issuesSentence(issues)).toBe('a: required; b: required; c: required; and 2 more');
  });
});
