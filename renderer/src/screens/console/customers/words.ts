/** How the console writes an account's role: in words of the reader's language, never the role's identifier. */
import { roleParam } from '../../../../../shared/domain/account-rules.js';
import type { Role } from '../../../../../shared/domain/request-state.js';
import type { CatalogKey } from '../../../../../shared/i18n/translator.js';

export function roleKey(role: Role): CatalogKey {
  return `admin.customers.role.${roleParam(role)}` as CatalogKey;
}
