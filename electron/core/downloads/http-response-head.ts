/**
 * The head of an HTTP/1.1 answer (status line and header fields), read strictly: whatever a lenient parser would
 * have to guess at — a bare LF, a folded line, a field name with a space, two lengths, a length beside chunked
 * framing — is refused rather than guessed, because a package's bytes must not depend on how a guess went. The head
 * is bounded, so a server cannot make the client hold an endless head.
 */

/** Heads longer than this are refused; real ones are a few hundred bytes. */
export const HEAD_LIMIT = 16 * 1024;

export interface ResponseHead {
  status: number;
  /** Lower-case field names; a repeated field's values joined with ", " (Set-Cookie is never needed here). */
  headers: Map<string, string>;
}

/** How the body of an answer to a GET is delimited. */
export type BodyFraming = { kind: 'length'; bytes: number } | { kind: 'chunked' } | { kind: 'close' };

/** A head that breaks the protocol; `code` says how, for the log. */
export class HeadError extends Error {
  readonly code = 'HPE_INVALID_HEAD';
  constructor(message: string) {
    super(message);
    this.name = 'HeadError';
  }
}

const STATUS_LINE = /^HTTP\/1\.[01] ([1-9]\d\d)(?: [\t\x20-\x7e\x80-\xff]*)?$/;
const FIELD_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const DIGITS = /^\d{1,15}$/;
const CRLF_CRLF = Buffer.from('\r\n\r\n');

/**
 * Finds and parses a head at the start of `bytes[0, end)`. Returns the head and where the body starts, or undefined
 * when the head is not complete yet; throws HeadError for a head that is malformed or longer than HEAD_LIMIT.
 */
export function parseResponseHead(bytes: Buffer, end: number): { head: ResponseHead; bodyStart: number } | undefined {
  const stop = bytes.subarray(0, Math.min(end, HEAD_LIMIT)).indexOf(CRLF_CRLF);
  if (stop < 0) {
    if (end >= HEAD_LIMIT) throw new HeadError(`the answer's head is longer than ${HEAD_LIMIT} bytes`);
    return undefined;
  }
  // latin1: one character per byte, so a stray byte can be checked for and never turns into a replacement char.
  const lines = bytes.toString('latin1', 0, stop).split('\r\n');
  for (const line of lines) {
    if (line.includes('\n') || line.includes('\r')) throw new HeadError('a line of the head ends without CRLF');
  }
  const status = STATUS_LINE.exec(lines[0]!);
  if (status === null) throw new HeadError('the status line is not HTTP/1.x');
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    if (line.startsWith(' ') || line.startsWith('\t')) throw new HeadError('a folded header line');
    const colon = line.indexOf(':');
    const name = colon < 0 ? '' : line.slice(0, colon);
    if (!FIELD_NAME.test(name)) throw new HeadError('a header line without a valid field name');
    const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
    if (!FIELD_VALUE.test(value)) throw new HeadError('a header value with control characters');
    const key = name.toLowerCase();
    const before = headers.get(key);
    if (before !== undefined && (key === 'content-length' || key === 'content-range' || key === 'location')) {
      throw new HeadError(`the field ${key} is given twice`);
    }
    headers.set(key, before === undefined ? value : `${before}, ${value}`);
  }
  return { head: { status: Number(status[1]), headers }, bodyStart: stop + CRLF_CRLF.length };
}

/** How the body of `head` (an answer to a GET) ends; throws HeadError when the head does not say so clearly. */
export function bodyFraming(head: ResponseHead): BodyFraming {
  if (head.status === 204 || head.status === 304) return { kind: 'length', bytes: 0 };
  const coding = head.headers.get('transfer-encoding');
  const length = head.headers.get('content-length');
  if (coding !== undefined) {
    // A length beside a transfer coding is the classic request-smuggling ambiguity: neither is believed.
    if (length !== undefined) throw new HeadError('both Content-Length and Transfer-Encoding');
    if (coding.toLowerCase() !== 'chunked') throw new HeadError(`an unsupported transfer coding: ${coding}`);
    return { kind: 'chunked' };
  }
  if (length === undefined) return { kind: 'close' };
  if (!DIGITS.test(length)) throw new HeadError('a Content-Length that is not a number');
  return { kind: 'length', bytes: Number(length) };
}
