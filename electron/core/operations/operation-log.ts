/**
 * The app's operation records (DESIGN.md §3.4): an append-only JSON-lines file, one record per line, each chained
 * to the one before by its hash, with the chain's head kept beside it (`<file>.head`). Appends are serialised per
 * file within the process and fsynced before they count; a half-written last line left by a crash is set aside
 * (`<file>.torn`) on the next append rather than built upon.
 */
import { mkdir, open, readFile, rename, stat, truncate, appendFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { HicareError } from '../../../shared/errors.js';
import { systemClock, type Clock } from '../adapters.js';
import { canonicalJson, toJson, type JsonValue } from './canonical-json.js';
import {
  GENESIS,
  OPERATION_KINDS,
  parseRecord,
  recordHash,
  splitLines,
  verifyChain,
  type ChainHead,
  type OperationKind,
  type OperationRecord,
  type VerifyResult,
} from './chain.js';

export const OPERATION_LOG_FILE = 'operations.jsonl';
export const MAX_DATA_BYTES = 64 * 1024;
export const MAX_SUMMARY_CHARS = 500;
/** Enough to hold the last complete record whatever its size. */
const TAIL_WINDOW = 4 * MAX_DATA_BYTES;

export interface ListQuery {
  /** Records at or after this instant. */
  since?: Date | string;
  kinds?: readonly OperationKind[];
  /** At most this many, oldest first. */
  limit?: number;
}

interface Tail {
  size: number;
  seq: number;
  hash: string;
}

/** One queue and one known tail per file, shared by every OperationLog of this process. */
const files = new Map<string, { queue: Promise<unknown>; tail: Tail | null }>();

function slot(path: string) {
  let s = files.get(path);
  if (s === undefined) {
    s = { queue: Promise.resolve(), tail: null };
    files.set(path, s);
  }
  return s;
}

function tamperedError(result: Extract<VerifyResult, { tampered: true }>, path: string): HicareError {
  // The chain's own account of the break (`detail`) is for the log; the sentence says what kind of change it was.
  return new HicareError(
    'OPERATION_LOG_TAMPERED.records',
    // ICU select keys are identifiers: 'chain-broken' is selected as chainBroken.
    { path, reason: result.reason.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), record: result.brokenAt },
    { reason: result.reason, brokenAt: result.brokenAt, path, detail: result.detail },
  );
}

/** Data beyond the cap is kept as a bounded preview, so the record still says what happened. */
function cappedData(data: unknown, max: number): JsonValue {
  let json: JsonValue;
  try {
    json = toJson(data);
  } catch (e) {
    throw new HicareError(
      'INVALID_INPUT.operationData',
      {},
      {
        cause: e instanceof Error ? e.message : String(e),
      },
    );
  }
  const text = canonicalJson(json);
  if (Buffer.byteLength(text) <= max) return json;
  return { truncated: true, bytes: Buffer.byteLength(text), preview: text.slice(0, 4096) };
}

export class OperationLog {
  private readonly headPath: string;

  constructor(
    readonly path: string,
    private readonly clock: Clock = systemClock,
    private readonly maxDataBytes = MAX_DATA_BYTES,
  ) {
    this.headPath = `${path}.head`;
  }

  /** The app's log: `<dataDir>/operations.jsonl`. */
  static inDataDirectory(dataDirectory: string, clock: Clock = systemClock): OperationLog {
    return new OperationLog(join(dataDirectory, OPERATION_LOG_FILE), clock);
  }

  private async readHead(): Promise<ChainHead | null> {
    try {
      const value = JSON.parse(await readFile(this.headPath, 'utf8')) as ChainHead;
      return Number.isSafeInteger(value.seq) && typeof value.hash === 'string' ? value : null;
    } catch {
      return null;
    }
  }

  private async writeHead(head: ChainHead): Promise<void> {
    const tmp = `${this.headPath}.tmp`;
    const handle = await open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(head));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, this.headPath);
  }

  /** The last complete record's seq and hash; a torn last line is moved to `<file>.torn` or completed. */
  private async loadTail(): Promise<Tail> {
    const size = await stat(this.path).then(
      (s) => s.size,
      () => 0,
    );
    if (size === 0) return { size: 0, seq: 0, hash: GENESIS };
    const handle = await open(this.path, 'r');
    let text: string;
    const start = Math.max(0, size - TAIL_WINDOW);
    try {
      const buffer = Buffer.alloc(size - start);
      await handle.read(buffer, 0, buffer.length, start);
      text = buffer.toString('utf8');
    } finally {
      await handle.close();
    }
    const { lines, torn } = splitLines(text);
    const lastLine = lines[lines.length - 1];
    const last = lastLine === undefined ? null : parseRecord(lastLine);
    if (lastLine !== undefined && last === null) {
      throw new HicareError('OPERATION_LOG_TAMPERED.lastRecord', { path: this.path }, { path: this.path });
    }
    let tail: Tail = { size, seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS };
    if (torn !== '') {
      const tornBytes = Buffer.byteLength(torn);
      const whole = parseRecord(torn);
      if (
        whole !== null &&
        whole.seq === tail.seq + 1 &&
        whole.prev === tail.hash &&
        recordHash(whole) === whole.hash
      ) {
        // the crash came after the record and before its newline: the record stands
        await appendFile(this.path, '\n');
        tail = { size: size + 1, seq: whole.seq, hash: whole.hash };
      } else {
        await appendFile(`${this.path}.torn`, `${torn}\n`);
        await truncate(this.path, size - tornBytes);
        tail = { ...tail, size: size - tornBytes };
      }
    }
    return tail;
  }

  /** Serialised with every other append to the same file in this process. */
  append(kind: OperationKind, summary: string, data: unknown = null): Promise<OperationRecord> {
    if (!(OPERATION_KINDS as readonly string[]).includes(kind)) {
      return Promise.reject(
        new HicareError('INVALID_INPUT.operationKind', { kind: String(kind), kinds: OPERATION_KINDS.join(', ') }),
      );
    }
    const s = slot(this.path);
    const run = s.queue.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      const size = await stat(this.path).then(
        (st) => st.size,
        () => 0,
      );
      const tail = s.tail !== null && s.tail.size === size ? s.tail : await this.loadTail();
      const body = {
        seq: tail.seq + 1,
        at: this.clock.now().toISOString(),
        kind,
        summary: String(summary).slice(0, MAX_SUMMARY_CHARS),
        data: cappedData(data, this.maxDataBytes),
        prev: tail.hash,
      };
      const record: OperationRecord = { ...body, hash: recordHash(body) };
      const line = `${canonicalJson(record as unknown as JsonValue)}\n`;
      const handle = await open(this.path, 'a', 0o600);
      try {
        await handle.write(line);
        await handle.sync();
      } finally {
        await handle.close();
      }
      s.tail = { size: tail.size + Buffer.byteLength(line), seq: record.seq, hash: record.hash };
      await this.writeHead({ seq: record.seq, hash: record.hash });
      return record;
    });
    s.queue = run.catch(() => {
      s.tail = null;
    });
    return run;
  }

  private async records(): Promise<OperationRecord[]> {
    const text = await readFile(this.path, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return '';
      throw e;
    });
    return splitLines(text)
      .lines.map(parseRecord)
      .filter((r): r is OperationRecord => r !== null);
  }

  async list(query: ListQuery = {}): Promise<OperationRecord[]> {
    const since = query.since === undefined ? null : new Date(query.since).getTime();
    if (since !== null && Number.isNaN(since)) {
      throw new HicareError('INVALID_INPUT.operationsSince', { value: String(query.since) });
    }
    const kinds = query.kinds === undefined ? null : new Set<string>(query.kinds);
    const out = (await this.records()).filter(
      (r) => (since === null || Date.parse(r.at) >= since) && (kinds === null || kinds.has(r.kind)),
    );
    return query.limit === undefined ? out : out.slice(0, Math.max(0, query.limit));
  }

  /** The last n records, oldest first (what a support request attaches). */
  async recent(n: number): Promise<OperationRecord[]> {
    const all = await this.records();
    return n <= 0 ? [] : all.slice(-n);
  }

  async verify(): Promise<VerifyResult> {
    // waits for appends under way, so it never reads a line being written by this process
    await slot(this.path).queue;
    const text = await readFile(this.path, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return '';
      throw e;
    });
    return verifyChain(text, await this.readHead());
  }

  /** OPERATION_LOG_TAMPERED when anything but a crash changed the records. */
  async verifyOrThrow(): Promise<{ count: number; tornTail: boolean }> {
    const result = await this.verify();
    if (result.ok) return { count: result.count, tornTail: false };
    if (!result.tampered) return { count: result.count, tornTail: true };
    throw tamperedError(result, this.path);
  }
}
