/** The offline bundle's one portal route: signing an entitlement statement for the caller's systems. */
import type { bundleApi } from '../../shared/contracts/bundle.js';
import { HicareError } from '../../shared/errors.js';
import type { EntitlementContext } from '../entitlement/verdicts.js';
import type { JsonHandlers } from '../http/route-table.js';

export function bundleHandlers(ctx: EntitlementContext): Pick<JsonHandlers, keyof typeof bundleApi> {
  void ctx;
  return {
    issueStatement: async () => {
      throw new HicareError('NOT_FOUND');
    },
  };
}
