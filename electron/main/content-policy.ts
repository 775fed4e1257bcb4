/**
 * What the app:// protocol answers. A protocol handler's responses never pass through
 * session.webRequest.onHeadersReceived, so the CSP has to be put on each response here, the 404s included.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PAGE_SECURITY_HEADERS } from '../../shared/content-security-policy.js';
import { appUrlToRelativePath } from './window-policy.js';

export interface AppProtocolOptions {
  /** The built renderer (dist/renderer). */
  rendererDirectory: string;
  /** Reads a file:// URL (Electron's net.fetch in the shell). */
  fetchFile(fileUrl: string): Promise<Response>;
}

/** `response` with the page's security headers added; its body, status and other headers are kept. */
export function withPageSecurityHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function notFound(): Response {
  return withPageSecurityHeaders(
    new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }),
  );
}

/** The answer to one app:// request: a file of the renderer, or a 404 for anything outside it or missing. */
export async function appProtocolResponse(url: string, options: AppProtocolOptions): Promise<Response> {
  const relative = appUrlToRelativePath(url);
  if (relative === null) return notFound();
  let response: Response;
  try {
    response = await options.fetchFile(pathToFileURL(join(options.rendererDirectory, relative)).toString());
  } catch {
    // net.fetch rejects for a file that does not exist.
    return notFound();
  }
  return response.ok ? withPageSecurityHeaders(response) : notFound();
}
