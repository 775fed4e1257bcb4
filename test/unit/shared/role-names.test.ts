import { describe, expect, it } from 'vitest';
import {
  capitalRoleAccount,
  forbiddenFor,
  roleAccount,
  type RefusedAction,
} from '../../../shared/domain/role-names.js';
import { ROLES, type Role } from '../../../shared/domain/request-state.js';

describe('roles in sentences', () => {
  it.each<[Role, string]>([
    ['customer-admin', 'a customer administrator account'],
    ['it-staff', 'an IT staff account'],
    ['engineer', 'a support engineer account'],
    ['portal-admin', 'a portal administrator account'],
  ])('%s reads as "%s"', (role, words) => {
    expect(roleAccount(role)).toBe(words);
    expect(capitalRoleAccount(role)).toBe(words.charAt(0).toUpperCase() + words.slice(1));
  });

  it.each<[Role, RefusedAction, readonly Role[], string, string]>([
    [
      'it-staff',
      { kind: 'use', summary: 'Open a request' },
      ['customer-admin'],
      'An IT staff account may not use “Open a request”.',
      'Sign in as a customer administrator to do this.',
    ],
    [
      'engineer',
      { kind: 'downloadPackages' },
      ['customer-admin', 'it-staff'],
      'A support engineer account may not download packages.',
      'Sign in as a customer administrator or IT staff to do this.',
    ],
    [
      'customer-admin',
      { kind: 'use', summary: 'Reveal a grant’s password' },
      ['engineer', 'portal-admin'],
      'A customer administrator account may not use “Reveal a grant’s password”.',
      'Sign in as a support engineer or a portal administrator to do this.',
    ],
  ])('%s refused %o', (role, what, allowed, message, remedy) => {
    const error = forbiddenFor(role, what, allowed);
    expect(error).toMatchObject({ code: 'FORBIDDEN', message, remedy });
    // "engineer" is also a word; the hyphenated identifiers are not.
    for (const id of ROLES.filter((r) => r.includes('-'))) expect(`${error.message} ${error.remedy}`).not.toContain(id);
  });
});
