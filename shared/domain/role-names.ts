/**
 * Roles as people call them. A role's identifier (`it-staff`) is for code and the API; a sentence a person reads
 * says "IT staff", and a refusal says who may do it instead.
 */
import { HicareError } from '../errors.js';
import type { DisplayLocale } from '../i18n/locales.js';
import { selectKey, selectKeyOfList } from '../i18n/select-key.js';
import { translate } from '../i18n/translator.js';
import { ROLES, type Role } from './request-state.js';

/** A role's name, as a label shows it ("IT staff"), in `locale`. */
export function roleName(role: Role, locale: DisplayLocale = 'en'): string {
  return translate(locale, `domain.role.name.${role}`);
}

/** The roles' names in English; a reader's language goes through roleName(). */
export const ROLE_NAMES: Record<Role, string> = Object.fromEntries(ROLES.map((r) => [r, roleName(r)])) as Record<
  Role,
  string
>;

/** "an IT staff account", "a support engineer account". */
export function roleAccount(role: Role, locale: DisplayLocale = 'en'): string {
  return translate(locale, 'domain.role.account', { role: selectKey(role) });
}

/** The same at the start of a sentence: "An IT staff account …". */
export function capitalRoleAccount(role: Role, locale: DisplayLocale = 'en'): string {
  return translate(locale, 'domain.role.accountCapital', { role: selectKey(role) });
}

/**
 * What a refused caller tried: downloading packages, or using an endpoint. An endpoint's summary is English API
 * text: the English refusal quotes it, other languages say "this function" instead.
 */
export type RefusedAction = { kind: 'downloadPackages' } | { kind: 'use'; summary: string };

/**
 * The refusal of an account whose role may not do what it tried, naming the roles that may. The roles and the action
 * go as select keys (in ROLES order), so the refusal reads whole in any language.
 */
export function forbiddenFor(role: Role, refused: RefusedAction, allowed: readonly Role[]): HicareError {
  const ordered = ROLES.filter((r) => allowed.includes(r));
  return new HicareError(
    'FORBIDDEN.roleMayNot',
    {
      role: selectKey(role),
      what: refused.kind,
      summary: refused.kind === 'use' ? refused.summary : '',
      allowed: ordered.length === 0 ? 'none' : selectKeyOfList(ordered),
    },
    { role, allowed: [...allowed] },
  );
}
