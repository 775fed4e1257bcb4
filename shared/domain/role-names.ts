/**
 * Roles as people call them. A role's identifier (`it-staff`) is for code and the API; a sentence a person reads
 * says "IT staff", and a refusal says who may do it instead.
 */
import { HicareError } from '../errors.js';
import type { Role } from './request-state.js';

export const ROLE_NAMES: Record<Role, string> = {
  'customer-admin': 'Customer administrator',
  'it-staff': 'IT staff',
  engineer: 'Support engineer',
  'portal-admin': 'Portal administrator',
};

/** The role inside a sentence, with its article. */
const IN_SENTENCE: Record<Role, string> = {
  'customer-admin': 'a customer administrator',
  'it-staff': 'IT staff',
  engineer: 'a support engineer',
  'portal-admin': 'a portal administrator',
};

/** "an IT staff account", "a support engineer account". */
export function roleAccount(role: Role): string {
  return role === 'it-staff' ? 'an IT staff account' : `${IN_SENTENCE[role]} account`;
}

/** The same at the start of a sentence: "An IT staff account …". */
export function capitalRoleAccount(role: Role): string {
  return capital(roleAccount(role));
}

/** The refusal of an account whose role may not do `what` ("download packages"), naming the roles that may. */
export function forbiddenFor(role: Role, what: string, allowed: readonly Role[]): HicareError {
  const who = allowed.map((r) => IN_SENTENCE[r]);
  const list = who.length <= 1 ? (who[0] ?? 'another') : `${who.slice(0, -1).join(', ')} or ${who.at(-1) ?? ''}`;
  return new HicareError(
    'FORBIDDEN',
    `${capitalRoleAccount(role)} may not ${what}.`,
    `Sign in as ${list} to do this.`,
    { role, allowed: [...allowed] },
  );
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
