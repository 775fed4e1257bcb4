/**
 * What an entitlement statement says, decided by the same verdict that guards the package route: a statement names a
 * target for a serial only when that serial could download it now. A statement is for one contract, so a site's
 * bundle never mixes two customers' or two service periods' systems.
 */
import {
  STATEMENT_DEFAULT_DAYS,
  STATEMENT_TYPE,
  type EntitlementStatement,
  type StatementRequest,
} from '../../shared/contracts/bundle.js';
import { contractStanding, type Contract } from '../../shared/domain/contract.js';
import type { Account } from '../../shared/contracts/accounts.js';
import { HicareError, isHicareError } from '../../shared/errors.js';
import { customerOf, customerSystems, systemNotFound } from '../entitlement/systems.js';
import { authorizeDownload, type EntitlementContext } from '../entitlement/verdicts.js';

const DAY_MS = 86_400_000;

/** TUF's instants: UTC to the second. */
function instant(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The contract a system is served under now: the one in service, else the one that ended last. */
function servingContract(contracts: readonly Contract[], at: Date): Contract | undefined {
  const inService = contracts.find((c) => contractStanding(c, at).status === 'active');
  return inService ?? [...contracts].sort((a, b) => b.endDate.localeCompare(a.endDate))[0];
}

export async function buildStatement(
  ctx: EntitlementContext,
  caller: Account,
  request: StatementRequest,
  portal: string,
): Promise<EntitlementStatement> {
  const serials = [...new Set(request.serials)];
  const names = [...new Set(request.targets)];
  const at = ctx.now();
  const contractIds = new Set<string>();
  let contract: Contract | undefined;
  for (const serialNumber of serials) {
    const { systems } = await customerSystems(ctx.db, customerOf(caller), { serialNumber }, ctx.contracts);
    const entry = systems[0];
    if (entry === undefined) throw systemNotFound(serialNumber);
    const serving = servingContract(entry.contracts, at);
    if (serving === undefined) throw new HicareError('NO_CONTRACT.download', {}, { serialNumber });
    contractIds.add(serving.id);
    contract ??= serving;
  }
  // The request's schema asks for at least one serial, so a contract was found or the loop threw.
  if (contract === undefined || contractIds.size > 1) {
    throw new HicareError('INVALID_INPUT.statementContracts', { contracts: [...contractIds].join(', ') });
  }
  const targets: EntitlementStatement['targets'] = [];
  for (const name of names) {
    const allowed: string[] = [];
    let refusal: unknown;
    for (const serialNumber of serials) {
      try {
        const grant = await authorizeDownload(ctx, caller, name, { serialNumber });
        allowed.push(grant.serialNumber);
      } catch (error) {
        // A system of another product is simply not what this target is for; any other refusal is the verdict's.
        if (isHicareError(error) && error.key === 'INVALID_INPUT.systemRunsOtherProduct') continue;
        if (isHicareError(error) && error.code === 'NOT_FOUND') throw error;
        refusal ??= error;
      }
    }
    const target = await ctx.catalog.target(name);
    if (allowed.length === 0 || target === undefined) {
      throw refusal ?? new HicareError('INVALID_INPUT.statementTargetForNone', { target: name }, { target: name });
    }
    targets.push({ name, length: target.length, sha256: target.sha256, serials: allowed });
  }
  const unused = serials.filter((s) => !targets.some((t) => t.serials.includes(s)));
  if (unused.length > 0) {
    throw new HicareError('INVALID_INPUT.statementSerialUnused', { serials: unused.join(', ') }, { serials: unused });
  }
  return {
    _type: STATEMENT_TYPE,
    version: 1,
    portal,
    contract: { id: contract.id, customerId: contract.customerId },
    serials,
    targets,
    issuedAt: instant(at),
    validUntil: instant(new Date(at.getTime() + (request.validDays ?? STATEMENT_DEFAULT_DAYS) * DAY_MS)),
  };
}
