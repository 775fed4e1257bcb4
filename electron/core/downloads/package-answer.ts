/**
 * A server's answer to a package GET, whichever way it was fetched: its status and head, and its body — read into the
 * package's blocks, read as the words of an error, or left unread. Redirects are followed before the answer is given.
 */
import type { PackageSink } from './package-sink.js';
import { HttpExchange, ReceiveError } from './socket-receiver.js';

export interface PackageAnswer {
  status: number;
  header(name: string): string | undefined;
  /** Reads the body into the sink; resolves when the server ended it. */
  intoSink(sink: PackageSink): Promise<void>;
  /** Up to `limit` bytes of the body as text; the connection is closed after. */
  readText(limit: number): Promise<string>;
  close(): void;
}

export interface AnswerRequest {
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
  signal: AbortSignal;
  certificateAuthority?: string | Buffer;
}

/** As many as a browser or got follows: a store's presigned URL is one hop; a loop is ended here. */
const MAX_REDIRECTS = 10;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Fetches `url` over a connection of its own (no proxy), following redirects. */
export async function directAnswer(request: AnswerRequest): Promise<PackageAnswer> {
  let url = new URL(request.url);
  let headers = request.headers;
  for (let hop = 0; ; hop += 1) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new ReceiveError(`a redirect to ${url.protocol} is not followed`, 'ERR_UNSUPPORTED_PROTOCOL');
    }
    const { exchange, head } = await HttpExchange.open({
      url,
      headers,
      timeoutMs: request.timeoutMs,
      signal: request.signal,
      ...(request.certificateAuthority === undefined ? {} : { certificateAuthority: request.certificateAuthority }),
    });
    const location = head.headers.get('location');
    if (!REDIRECTS.has(head.status) || location === undefined) {
      return {
        status: head.status,
        header: (name) => head.headers.get(name),
        intoSink: (sink) => exchange.receiveBody(sink),
        readText: (limit) => exchange.readText(limit),
        close: () => exchange.close(),
      };
    }
    exchange.close();
    if (hop === MAX_REDIRECTS) throw new ReceiveError('too many redirects', 'ERR_TOO_MANY_REDIRECTS');
    const next = new URL(location, url);
    // The portal's credentials are for the portal: another origin (a store's presigned URL) never sees them.
    if (next.origin !== url.origin) headers = withoutCredentials(headers);
    url = next;
  }
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !['authorization', 'cookie'].includes(name.toLowerCase())),
  );
}
