/**
 * Telling the portal what each system runs: after every successful install and every entered version. A report is
 * written to disk first (one file per report, named by its id) and sent at once when the portal answers, else at the
 * next successful portal call; the id travels as the Idempotency-Key, so a resend after a lost answer or a crash is
 * recorded once. Follows the request outbox (../requests/outbox.ts). A report never fails what it reports on.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { SerialNumberSchema } from '../../../shared/contracts/common.js';
import {
  InstalledReportCreateSchema,
  type InstalledReport,
  type InstalledReportCreate,
} from '../../../shared/contracts/entitlement.js';
import { HicareError } from '../../../shared/errors.js';
import type { Logger } from '../adapters.js';
import type { PortalClient } from '../portal/client.js';

const EntrySchema = z.object({ id: z.uuid(), serialNumber: SerialNumberSchema, report: InstalledReportCreateSchema });
export type QueuedReport = z.infer<typeof EntrySchema>;

/** Failures after which a report stays queued: the portal (or a new sign-in) may take it later. */
const TRANSIENT = new Set([
  'OFFLINE',
  'TIMEOUT',
  'PORTAL_ERROR',
  'INTERNAL',
  'RATE_LIMITED',
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'TOKEN_REVOKED',
]);

export interface ReportFlush {
  sent: InstalledReport[];
  waiting: number;
  /** Refused on their merits (a system no longer on the contracts): set aside as `.refused`, never resent. */
  refused: { id: string; error: HicareError }[];
}

export class InstallReports {
  readonly dir: string;

  constructor(
    dataDirectory: string,
    private readonly portal: PortalClient,
    private readonly logger: Logger,
  ) {
    this.dir = join(dataDirectory, 'install-reports');
  }

  /** Queues a report and tries to send what is queued; says whether this one reached the portal. */
  async report(serialNumber: string, report: InstalledReportCreate): Promise<'sent' | 'queued'> {
    if (!(await this.queue(serialNumber, report))) return 'queued';
    const flushed = await this.flush();
    return flushed.sent.some((r) => r.serialNumber === serialNumber && r.version === report.version)
      ? 'sent'
      : 'queued';
  }

  /**
   * Queues a report without trying to send it: an install from an offline bundle makes no network call, and the
   * report goes with the next one made online. Says whether it was kept.
   */
  async queue(serialNumber: string, report: InstalledReportCreate): Promise<boolean> {
    let entry: QueuedReport;
    try {
      entry = EntrySchema.parse({ id: randomUUID(), serialNumber, report });
      await mkdir(this.dir, { recursive: true });
      const file = join(this.dir, `${entry.id}.json`);
      await writeFile(`${file}.tmp`, JSON.stringify(entry), { mode: 0o600 });
      await rename(`${file}.tmp`, file);
    } catch (error) {
      this.logger.warn('an installation report could not be queued', { serialNumber, error: String(error) });
      return false;
    }
    return true;
  }

  async list(): Promise<QueuedReport[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const entries: { entry: QueuedReport; at: string }[] = [];
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const parsed = EntrySchema.safeParse(parseJson(await readFile(join(this.dir, name), 'utf8').catch(() => 'null')));
      if (parsed.success) entries.push({ entry: parsed.data, at: parsed.data.report.at });
    }
    // Oldest first, so the portal's record ends at the latest report.
    return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).map((e) => e.entry);
  }

  /** Sends what is queued, oldest first. Never throws: a report that cannot go now waits for the next call. */
  async flush(): Promise<ReportFlush> {
    const result: ReportFlush = { sent: [], waiting: 0, refused: [] };
    const queued = await this.list();
    for (const [index, entry] of queued.entries()) {
      try {
        const sent = await this.portal.call('reportInstalled', {
          params: { serialNumber: entry.serialNumber },
          body: entry.report,
          idempotencyKey: entry.id,
        });
        result.sent.push(sent);
        // Should the file stay (a locked disk), the resend lands on the same report: the id is its Idempotency-Key.
        await rm(join(this.dir, `${entry.id}.json`), { force: true }).catch(() => undefined);
      } catch (error) {
        const coded = error instanceof HicareError ? error : new HicareError('INTERNAL.installReportUnsent');
        if (TRANSIENT.has(coded.code)) {
          // The portal is not answering: the rest would only wait for the same timeouts.
          if (coded.code === 'OFFLINE' || coded.code === 'TIMEOUT') {
            result.waiting += queued.length - index;
            break;
          }
          result.waiting++;
          continue;
        }
        await rename(join(this.dir, `${entry.id}.json`), join(this.dir, `${entry.id}.refused`)).catch(() => undefined);
        this.logger.warn('the portal refused an installation report', {
          serialNumber: entry.serialNumber,
          code: coded.code,
        });
        result.refused.push({ id: entry.id, error: coded });
      }
    }
    return result;
  }
}

/** A file cut short by a crash reads as nothing, not as an error. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
