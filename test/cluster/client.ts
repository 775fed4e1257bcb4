/** HTTP calls to a cluster member or to HAProxy, answered as the API tests' Reply (status, headers, parsed body). */
import type { Reply } from '../integration/portal-api/harness.js';

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Leave a redirect unfollowed, to look at where it points. */
  manualRedirect?: boolean;
}

export async function call<T = unknown>(
  base: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(base + path, {
    method,
    headers,
    redirect: options.manualRedirect === true ? 'manual' : 'follow',
    ...(body === undefined ? {} : { body }),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const json = (response.headers.get('content-type') ?? '').includes('application/json') && bytes.length > 0;
  return {
    status: response.status,
    headers: response.headers,
    body: (json ? JSON.parse(bytes.toString('utf8')) : bytes) as T,
    bytes,
  };
}

/** The body of a reply that must have `status`; anything else fails with what came back. */
export async function ok<T>(reply: Promise<Reply<T>>, status = 200): Promise<T> {
  const r = await reply;
  if (r.status !== status)
    throw new Error(`expected ${status}, got ${r.status}: ${r.bytes.toString('utf8').slice(0, 400)}`);
  return r.body;
}

export async function signIn(base: string, email: string, password: string): Promise<string> {
  return (await ok(call<{ token: string }>(base, 'POST', '/api/v1/sessions', { body: { email, password } }))).token;
}
