/**
 * Requests waiting to reach the portal. A request approved while the portal is down is written to disk first (one
 * file per request, named by its idempotency key) and sent when the portal answers again; the portal's idempotency
 * makes a resend after a crash or a lost answer land on the same request, so each is created exactly once. Queuing
 * under a key that is already queued replaces that entry: the same request approved twice is still one request.
 *
 * Files to attach are staged here too (checked, then kept as bytes under an id of ours) and uploaded after the
 * request exists. A request the portal refuses on its merits stays here, marked with the portal's code and reason,
 * until the customer edits and resends it or discards it: never dropped, never retried without a change.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { OutboxEntrySchema, StagedFileSchema, type StagedFile } from '../../../shared/contracts/app-views.js';
import {
  AttachmentFileNameSchema,
  type AttachmentUpload,
  type ServiceRequest,
  type ServiceRequestCreate,
} from '../../../shared/contracts/requests.js';
import { attachableType } from '../../../shared/domain/attachment-type.js';
import { HicareError } from '../../../shared/errors.js';

const EntrySchema = OutboxEntrySchema;
export type { StagedFile };
export type OutboxEntry = z.infer<typeof EntrySchema>;

/** Failures after which a request stays queued: the portal may take it later. Anything else is the request's fault. */
const TRANSIENT = new Set(['OFFLINE', 'TIMEOUT', 'PORTAL_ERROR', 'INTERNAL']);

export type SendRequest = (request: ServiceRequestCreate, idempotencyKey: string) => Promise<ServiceRequest>;
export type UploadFile = (requestId: string, upload: AttachmentUpload) => Promise<unknown>;

export interface FlushResult {
  sent: { idempotencyKey: string; request: ServiceRequest }[];
  waiting: number;
  /** Refused by the portal in this flush. */
  failed: { idempotencyKey: string; error: HicareError }[];
  /** Every request kept because the portal refused it (this time or before), for the customer to edit or discard. */
  refused: OutboxEntry[];
}

export class Outbox {
  readonly dir: string;
  private readonly filesDir: string;

  constructor(dataDirectory: string) {
    this.dir = join(dataDirectory, 'outbox');
    this.filesDir = join(this.dir, 'files');
  }

  private entryFile(idempotencyKey: string): string {
    return join(this.dir, `${idempotencyKey}.json`);
  }

  /** Written to a temporary name, then renamed, so a crash never leaves half a file. */
  private async write(entry: OutboxEntry): Promise<OutboxEntry> {
    const checked = EntrySchema.parse(entry);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = this.entryFile(checked.idempotencyKey);
    await writeFile(`${file}.tmp`, JSON.stringify(checked), { mode: 0o600 });
    await rename(`${file}.tmp`, file);
    return checked;
  }

  /** Checks a file the customer picked (size, content) and keeps its bytes until the request that carries it is sent. */
  async stage(fileName: string, bytes: Uint8Array): Promise<StagedFile> {
    const name = AttachmentFileNameSchema.safeParse(fileName);
    if (!name.success) throw new HicareError('INVALID_INPUT.attachmentName');
    const contentType = attachableType(name.data, bytes);
    const staged: StagedFile = { id: randomUUID(), fileName: name.data, contentType, size: bytes.length };
    await mkdir(this.filesDir, { recursive: true, mode: 0o700 });
    await writeFile(join(this.filesDir, staged.id), bytes, { mode: 0o600 });
    return staged;
  }

  /** Durably queues a request with the staged files it carries (each must still be here). */
  async enqueue(
    request: ServiceRequestCreate,
    idempotencyKey: string,
    now: Date,
    attachments: readonly StagedFile[] = [],
  ): Promise<OutboxEntry> {
    for (const file of attachments) {
      const there = await readFile(join(this.filesDir, StagedFileSchema.shape.id.parse(file.id))).then(
        () => true,
        () => false,
      );
      if (!there)
        throw new HicareError('NOT_FOUND.stagedAttachment', { fileName: file.fileName }, { fileName: file.fileName });
    }
    return this.write({ idempotencyKey, queuedAt: now.toISOString(), request, attachments: [...attachments] });
  }

  async list(): Promise<OutboxEntry[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const entries: OutboxEntry[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const text = await readFile(join(this.dir, name), 'utf8').catch(() => 'null');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        continue;
      }
      const parsed = EntrySchema.safeParse(value);
      if (parsed.success) entries.push(parsed.data);
    }
    return entries.sort((a, b) => (a.queuedAt < b.queuedAt ? -1 : 1));
  }

  /** Forgets a queued request (the customer discarded it), with the files it would have carried. */
  async discard(idempotencyKey: string): Promise<void> {
    const entry = (await this.list()).find((e) => e.idempotencyKey === idempotencyKey);
    if (entry === undefined) throw new HicareError('NOT_FOUND.waitingRequest', {}, { idempotencyKey });
    await rm(this.entryFile(idempotencyKey), { force: true });
    for (const file of entry.attachments) await rm(join(this.filesDir, file.id), { force: true });
  }

  /** Takes a request out of the queue but keeps its staged files, for a form that will send it again. */
  async withdraw(idempotencyKey: string): Promise<void> {
    await rm(this.entryFile(idempotencyKey), { force: true });
  }

  /** Sends what is queued, oldest first, then its files; keeps what the portal could not take now or refused. */
  async flush(send: SendRequest, upload: UploadFile, now: Date): Promise<FlushResult> {
    const result: FlushResult = { sent: [], waiting: 0, failed: [], refused: [] };
    for (const queued of await this.list()) {
      let entry = queued;
      if (entry.refusal !== undefined) {
        result.refused.push(entry);
        continue;
      }
      try {
        const created = await send(entry.request, entry.idempotencyKey);
        for (const file of entry.attachments) {
          const bytes = await readFile(join(this.filesDir, file.id));
          await upload(created.id, {
            fileName: file.fileName,
            contentType: file.contentType,
            dataBase64: bytes.toString('base64'),
          });
          // Uploaded: never again, even if a later file stops this flush.
          entry = await this.write({
            ...entry,
            requestId: created.id,
            attachments: entry.attachments.filter((f) => f.id !== file.id),
          });
          await rm(join(this.filesDir, file.id), { force: true });
        }
        await rm(this.entryFile(entry.idempotencyKey), { force: true });
        result.sent.push({ idempotencyKey: entry.idempotencyKey, request: created });
      } catch (error) {
        const coded = error instanceof HicareError ? error : new HicareError('INTERNAL.requestUnsent');
        if (TRANSIENT.has(coded.code)) {
          result.waiting++;
          continue;
        }
        // Refused on its merits (an expired contract, a bad field): kept with the portal's reason, reported.
        // Its key too, so the app can show the reason in the language chosen when it is read.
        const refusal = {
          code: coded.code,
          message: coded.message,
          remedy: coded.remedy,
          at: now.toISOString(),
          ...(coded.key === undefined ? {} : { key: coded.key, params: { ...coded.params } }),
        };
        result.refused.push(await this.write({ ...entry, refusal }));
        result.failed.push({ idempotencyKey: entry.idempotencyKey, error: coded });
      }
    }
    return result;
  }
}
