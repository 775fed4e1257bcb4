/**
 * The releases the vendor withdrew, as this desktop last learned them from the portal. The desktop judges releases
 * from the signed catalog, which a withdrawal leaves signed, so without this it would offer a release whose bytes the
 * portal then refuses. Kept on disk: when the portal cannot be reached the last list still applies, since offering a
 * withdrawn release offline is the worse mistake.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { KnownWithdrawalSchema, type KnownWithdrawal } from '../../../shared/contracts/entitlement.js';
import type { WithdrawnNotice } from '../../../shared/contracts/entitlement.js';
import type { ReleaseWithdrawal } from '../../../shared/domain/verdict.js';
import { isHicareError } from '../../../shared/errors.js';
import type { Logger } from '../adapters.js';
import type { PortalClient } from '../portal/client.js';

const StoredSchema = z.object({ learnedAt: z.string(), withdrawals: z.array(KnownWithdrawalSchema) });

/** Failures after which the last list learned still stands; any other refusal is the caller's to see. */
const KEEP_LAST = new Set(['OFFLINE', 'TIMEOUT', 'PORTAL_ERROR', 'RATE_LIMITED', 'NOT_FOUND']);

/** What the resolver needs of the withdrawals: one lookup for the verdict, one for the notice. */
export interface WithdrawalIndex {
  withdrawal(product: string, version: string): ReleaseWithdrawal | undefined;
  notice(serialNumber: string, product: string, version: string): WithdrawnNotice | undefined;
  /** Whether any withdrawn release was downloaded for the system (most systems: none, and nothing to look up). */
  downloadedAny(serialNumber: string): boolean;
}

export function withdrawalIndex(withdrawals: readonly KnownWithdrawal[]): WithdrawalIndex {
  const byRelease = new Map(withdrawals.map((w) => [`${w.product}\u0000${w.version}`, w]));
  const downloaders = new Set(withdrawals.flatMap((w) => w.downloads.map((d) => d.serialNumber)));
  return {
    downloadedAny: (serialNumber) => downloaders.has(serialNumber),
    withdrawal(product, version) {
      const w = byRelease.get(`${product}\u0000${version}`);
      return w === undefined ? undefined : { at: w.at, reason: w.reason };
    },
    notice(serialNumber, product, version) {
      const w = byRelease.get(`${product}\u0000${version}`);
      const download = w?.downloads.find((d) => d.serialNumber === serialNumber);
      return w === undefined || download === undefined
        ? undefined
        : { at: w.at, reason: w.reason, downloadedAt: download.downloadedAt };
    },
  };
}

export class KnownWithdrawals {
  readonly file: string;

  constructor(
    private readonly dataDirectory: string,
    private readonly portal: PortalClient,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {
    this.file = join(dataDirectory, 'withdrawals.json');
  }

  /** Asks the portal and keeps its answer; the last answer kept when the portal cannot answer now. */
  async refresh(): Promise<KnownWithdrawal[]> {
    let withdrawals: KnownWithdrawal[];
    try {
      ({ withdrawals } = await this.portal.call('withdrawals', {}));
    } catch (error) {
      if (isHicareError(error) && KEEP_LAST.has(error.code)) {
        this.logger.warn('withdrawn releases not refreshed; the last list learned applies', { code: error.code });
        return this.last();
      }
      throw error;
    }
    try {
      await mkdir(this.dataDirectory, { recursive: true });
      const body = JSON.stringify({ learnedAt: this.now().toISOString(), withdrawals });
      await writeFile(`${this.file}.tmp`, body, { mode: 0o600 });
      await rename(`${this.file}.tmp`, this.file);
    } catch (error) {
      // Still applied now; only an offline check later would miss it.
      this.logger.warn('withdrawn releases could not be kept for offline use', { error: String(error) });
    }
    return withdrawals;
  }

  /** The last list learned; none when the portal was never asked (or the file was damaged). */
  async last(): Promise<KnownWithdrawal[]> {
    const text = await readFile(this.file, 'utf8').catch(() => null);
    if (text === null) return [];
    try {
      const parsed = StoredSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data.withdrawals : [];
    } catch {
      return [];
    }
  }
}
