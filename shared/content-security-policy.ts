/**
 * The one Content-Security-Policy of the app's page, whichever host serves it: the Electron shell's app:// protocol,
 * the web host, and a <meta> in renderer/index.html as a second line should a response ever lack the header.
 * No 'unsafe-inline' anywhere: the built page has no inline script or style, and React's `style` props are set
 * through the CSSOM, which a CSP does not govern.
 */
const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  // Article images from https hosts, which the reader loads one at a time by choosing "Show" (never automatically).
  ['img-src', "'self' data: https:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Browsers ignore frame-ancestors in a <meta> (and say so in the console), so the meta copy leaves it out. */
const HEADER_ONLY = new Set(['frame-ancestors']);

const join = (directives: readonly (readonly [string, string])[]) =>
  directives.map(([name, value]) => `${name} ${value}`).join('; ');

/** The policy sent as the Content-Security-Policy header of every response for the page. */
export const CONTENT_SECURITY_POLICY = join(DIRECTIVES);

/** The same policy as renderer/index.html carries it in <meta http-equiv="Content-Security-Policy">. */
export const META_CONTENT_SECURITY_POLICY = join(DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)));

/** The headers every response for the page carries (the types are never sniffed into something executable). */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};
