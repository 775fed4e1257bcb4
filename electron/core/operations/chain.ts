/**
 * The operation log's hash chain, checked from its text: each record's hash covers its own fields and the previous
 * record's hash, and a separate head (last seq and hash) catches a cut-off end. What a crash can do — leave a last
 * line half-written — is told apart from what only an edit can do.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from './canonical-json.js';

export const GENESIS = '0'.repeat(64);

export const OPERATION_KINDS = [
  'check',
  'download',
  'verify',
  'install',
  'failure',
  'request',
  'trust',
  'settings',
  'inventory',
  'remote-access',
  'survey',
] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

export interface OperationRecord {
  seq: number;
  at: string;
  kind: OperationKind;
  summary: string;
  data: JsonValue;
  prev: string;
  hash: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export type TamperReason =
  /** A record's content no longer matches its hash. */
  | 'edited'
  /** A record's hash was recomputed, but the next record (or the head) still names the old one. */
  | 'chain-broken'
  | 'removed'
  | 'reordered'
  | 'duplicated'
  /** A complete line that is not a record. */
  | 'malformed'
  /** Records are missing from the end (the head names a later one). */
  | 'truncated'
  /** The head and the records disagree in a way no crash explains. */
  | 'head-mismatch';

export type VerifyResult =
  | { ok: true; count: number }
  /** A crash during a write: the last line is incomplete, every complete record is intact. */
  | { ok: false; tampered: false; reason: 'torn-tail'; brokenAt: number; count: number }
  | { ok: false; tampered: true; reason: TamperReason; brokenAt: number; detail: string };

export function recordHash(record: Omit<OperationRecord, 'hash'> & { hash?: unknown }): string {
  const { hash: _hash, ...rest } = record;
  return createHash('sha256')
    .update(canonicalJson(rest as unknown as JsonValue))
    .digest('hex');
}

/** The record a line holds, or null when the line is not one. */
export function parseRecord(line: string): OperationRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const r = value as Record<string, unknown>;
  const fine =
    Number.isSafeInteger(r.seq) &&
    typeof r.at === 'string' &&
    typeof r.kind === 'string' &&
    typeof r.summary === 'string' &&
    'data' in r &&
    typeof r.prev === 'string' &&
    typeof r.hash === 'string' &&
    Object.keys(r).length === 7;
  return fine ? (r as unknown as OperationRecord) : null;
}

/** Splits the file into complete lines and the bytes after the last newline (a torn write, if any). */
export function splitLines(text: string): { lines: string[]; torn: string } {
  const end = text.lastIndexOf('\n');
  const complete = end === -1 ? '' : text.slice(0, end);
  return { lines: complete === '' ? [] : complete.split('\n'), torn: text.slice(end + 1) };
}

function tampered(reason: TamperReason, brokenAt: number, detail: string): VerifyResult {
  return { ok: false, tampered: true, reason, brokenAt, detail };
}

export function verifyChain(text: string, head: ChainHead | null): VerifyResult {
  const { lines, torn } = splitLines(text);
  const records: OperationRecord[] = [];
  for (const [i, line] of lines.entries()) {
    const record = parseRecord(line);
    if (record === null)
      return tampered('malformed', (records[i - 1]?.seq ?? 0) + 1, `line ${i + 1} is not an operation record`);
    records.push(record);
  }
  const seen = new Set<number>();
  let prev = GENESIS;
  let expected = 1;
  for (const [i, r] of records.entries()) {
    if (recordHash(r) !== r.hash) return tampered('edited', r.seq, `record ${r.seq} does not match its hash`);
    if (r.seq !== expected) {
      if (seen.has(r.seq)) return tampered('duplicated', r.seq, `record ${r.seq} appears twice`);
      if (records.slice(i + 1).some((later) => later.seq === expected))
        return tampered('reordered', expected, `record ${expected} comes after record ${r.seq}`);
      if (r.seq > expected)
        return tampered('removed', expected, `record ${expected} is missing before record ${r.seq}`);
      return tampered('reordered', r.seq, `record ${r.seq} is out of order`);
    }
    if (r.prev !== prev) return tampered('chain-broken', r.seq, `record ${r.seq} does not follow the record before it`);
    seen.add(r.seq);
    prev = r.hash;
    expected += 1;
  }
  const last = records[records.length - 1];
  const lastSeq = last?.seq ?? 0;
  if (head === null) {
    // the very first append can crash between writing its line and its head
    if (lastSeq > 1) return tampered('head-mismatch', lastSeq, 'the record of the last sequence number is missing');
  } else if (head.seq > lastSeq) {
    return tampered('truncated', lastSeq + 1, `records ${lastSeq + 1} to ${head.seq} were cut off the end`);
  } else if (head.seq < lastSeq - 1) {
    return tampered('head-mismatch', head.seq + 1, `records after ${head.seq} were added outside this app`);
  } else if (head.seq > 0 && records[head.seq - 1]?.hash !== head.hash) {
    return tampered('chain-broken', head.seq, `record ${head.seq} is not the one last written`);
  }
  if (torn !== '')
    return { ok: false, tampered: false, reason: 'torn-tail', brokenAt: lastSeq + 1, count: records.length };
  return { ok: true, count: records.length };
}
