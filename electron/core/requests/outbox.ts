/**
 * Requests waiting to reach the portal. A request approved while the portal is down is written to disk first (one
 * file per request, named by its idempotency key) and sent when the portal answers again; the portal's idempotency
 * makes a resend after a crash or a lost answer land on the same request, so each is created exactly once.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ServiceRequestCreateSchema, type ServiceRequest, type ServiceRequestCreate } from '../../../shared/contracts/requests.js';
import { HicareError } from '../../../shared/errors.js';

const EntrySchema = z.object({ idempotencyKey: z.string().uuid(), queuedAt: z.string(), request: ServiceRequestCreateSchema });
export type OutboxEntry = z.infer<typeof EntrySchema>;

/** Failures after which a request stays queued: the portal may take it later. Anything else is the request's fault. */
const TRANSIENT = new Set(['OFFLINE', 'TIMEOUT', 'PORTAL_ERROR', 'INTERNAL']);

export type SendRequest = (request: ServiceRequestCreate, idempotencyKey: string) => Promise<ServiceRequest>;

export interface FlushResult {
  sent: { idempotencyKey: string; request: ServiceRequest }[];
  waiting: number;
  failed: { idempotencyKey: string; error: HicareError }[];
}

export class Outbox {
  readonly dir: string;

  constructor(dataDirectory: string) {
    this.dir = join(dataDirectory, 'outbox');
  }

  /** Durably queues a request (written to a temporary name, then renamed, so a crash never leaves half a file). */
  async enqueue(request: ServiceRequestCreate, idempotencyKey: string, now: Date): Promise<OutboxEntry> {
    const entry = EntrySchema.parse({ idempotencyKey, queuedAt: now.toISOString(), request });
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, `${idempotencyKey}.json`);
    await writeFile(`${file}.tmp`, JSON.stringify(entry), { mode: 0o600 });
    await rename(`${file}.tmp`, file);
    return entry;
  }

  async list(): Promise<OutboxEntry[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const entries: OutboxEntry[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const parsed = EntrySchema.safeParse(JSON.parse(await readFile(join(this.dir, name), 'utf8').catch(() => 'null')));
      if (parsed.success) entries.push(parsed.data);
    }
    return entries.sort((a, b) => (a.queuedAt < b.queuedAt ? -1 : 1));
  }

  /** Sends what is queued, oldest first; keeps what the portal could not take now, drops what it refused for good. */
  async flush(send: SendRequest): Promise<FlushResult> {
    const result: FlushResult = { sent: [], waiting: 0, failed: [] };
    for (const entry of await this.list()) {
      try {
        const created = await send(entry.request, entry.idempotencyKey);
        await rm(join(this.dir, `${entry.idempotencyKey}.json`), { force: true });
        result.sent.push({ idempotencyKey: entry.idempotencyKey, request: created });
      } catch (error) {
        const coded = error instanceof HicareError ? error : new HicareError('INTERNAL', String(error), 'Try again later.');
        if (TRANSIENT.has(coded.code)) {
          result.waiting++;
          continue;
        }
        // Refused on its merits (an expired contract, a bad field): keep it out of the queue, report it.
        await rename(join(this.dir, `${entry.idempotencyKey}.json`), join(this.dir, `${entry.idempotencyKey}.refused`)).catch(() => undefined);
        result.failed.push({ idempotencyKey: entry.idempotencyKey, error: coded });
      }
    }
    return result;
  }
}
