/**
 * A desktop's report of what a system now runs (installed through the manager, or entered by the admin for
 * equipment installed by other means). The portal keeps every report once, moves the system's record, and — when the
 * release is a new major that a contract allowed for that system — advances the customer's licensed major
 * (shared/domain/licence.ts, the same verdict the packages are served under). A version outside the catalog, or one
 * the contract never allowed, is recorded and advances nothing.
 */
import type { Account } from '../../shared/contracts/accounts.js';
import {
  InstalledReportCreateSchema,
  type InstalledReport,
  type InstalledReportCreate,
} from '../../shared/contracts/entitlement.js';
import { licenceAdvance } from '../../shared/domain/licence.js';
import { parseVersion } from '../../shared/domain/release.js';
import { HicareError } from '../../shared/errors.js';
import {
  findReportByIdempotencyKey,
  recordReport,
  type InstalledReportRecord,
  type NewAdvance,
} from '../db/installed-versions.js';
import { findAdvanceOfReport } from '../db/licence-advances.js';
import { announceRevocation } from '../db/revocations.js';
import { listLifecycles } from '../db/lifecycles.js';
import { checkInput, newId, toIso } from '../db/support.js';
import { bodyFingerprint } from '../requests/idempotency.js';
import {
  baselineVersion,
  customerOf,
  customerSystems,
  majorsOf,
  systemNotFound,
  type CustomerSystem,
} from './systems.js';
import type { EntitlementContext } from './verdicts.js';

export interface ReportOutcome {
  report: InstalledReport;
  /** True when the key had been used before and the earlier report came back. */
  replayed: boolean;
}

function reportConflict(key: string): HicareError {
  return new HicareError('IDEMPOTENCY_CONFLICT.installedReport', {}, { idempotencyKey: key });
}

async function viewOf(ctx: EntitlementContext, record: InstalledReportRecord): Promise<InstalledReport> {
  const advance = await findAdvanceOfReport(ctx.db, record.id);
  const { customerId: _c, accountId: _a, idempotencyKey: _k, bodyHash: _h, ...shown } = record;
  return {
    ...shown,
    licenceAdvance:
      advance === undefined
        ? null
        : {
            product: advance.product,
            major: advance.major,
            version: advance.version,
            serialNumber: advance.serialNumber,
            at: advance.at,
          },
  };
}

/** The advance this report makes: judged from the version the portal knew before it, at the portal's time. */
async function advanceFor(
  ctx: EntitlementContext,
  entry: CustomerSystem,
  body: InstalledReportCreate,
): Promise<NewAdvance | null> {
  if (body.notInCatalog === true) return null;
  const product = entry.system.product;
  const [catalog, lifecycles] = await Promise.all([ctx.catalog.product(product), listLifecycles(ctx.db, { product })]);
  const release = catalog.releases.find((r) => r.version === body.version);
  if (release === undefined) return null;
  const before = baselineVersion(entry, undefined, majorsOf(catalog.releases.map((r) => r.version)));
  const advance = licenceAdvance({
    contracts: entry.contracts,
    system: { serialNumber: entry.system.serialNumber, product, installedVersion: before },
    release,
    lifecycles,
    now: ctx.now(),
    postExpiry: ctx.postExpiry,
  });
  return advance === null ? null : { id: newId(), major: advance.major, contractId: advance.contractId };
}

export async function reportInstalled(
  ctx: EntitlementContext,
  caller: Account,
  serialNumber: string,
  body: InstalledReportCreate,
  idempotencyKey: string | null,
): Promise<ReportOutcome> {
  const customerId = customerOf(caller);
  checkInput(InstalledReportCreateSchema, body, 'installation report');
  parseVersion(body.version);
  const fingerprint = bodyFingerprint({ serialNumber, ...body });

  // A retry is answered before anything is judged again: the report it repeats was recorded as it stood then.
  if (idempotencyKey !== null) {
    const earlier = await findReportByIdempotencyKey(ctx.db, caller.id, idempotencyKey);
    if (earlier !== undefined) {
      if (earlier.bodyHash !== fingerprint) throw reportConflict(idempotencyKey);
      return { report: await viewOf(ctx, earlier), replayed: true };
    }
  }

  const { systems } = await customerSystems(ctx.db, customerId, { serialNumber });
  const entry = systems[0];
  if (entry === undefined) throw systemNotFound(serialNumber);
  const now = ctx.now();
  // A desktop's clock may run ahead; nothing is recorded as happening after the portal received it.
  const at = Math.min(Date.parse(body.at), now.getTime());
  const record: InstalledReportRecord = {
    id: newId(),
    customerId,
    accountId: caller.id,
    idempotencyKey,
    bodyHash: fingerprint,
    serialNumber: entry.system.serialNumber,
    product: entry.system.product,
    version: body.version,
    how: body.how,
    notInCatalog: body.notInCatalog === true,
    at: toIso(new Date(at)),
    recordedAt: toIso(now),
  };
  const outcome = await recordReport(ctx.db, record, await advanceFor(ctx, entry, body));
  // The recorded version is cached with the customer's contracts: every instance forgets them.
  if (outcome.created) await announceRevocation(ctx.db, { kind: 'customer', id: customerId });
  if (!outcome.created && outcome.report.bodyHash !== fingerprint) throw reportConflict(idempotencyKey ?? '');
  return { report: await viewOf(ctx, outcome.report), replayed: !outcome.created };
}
