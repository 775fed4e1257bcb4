/**
 * Which addresses an article may link to. Only the web (`https:`, `http:`), mail and the app's own screens (`#/…`)
 * become links; anything else (`javascript:`, `data:`, `vbscript:`, `file:`, relative paths) stays text, so a
 * click can never run code or open a local file.
 */

export type LinkTarget = { kind: 'external'; href: string } | { kind: 'in-app'; href: string } | null;

const EXTERNAL_SCHEMES: ReadonlySet<string> = new Set(['https:', 'http:', 'mailto:']);

/** Control characters and spaces inside a scheme are how `java\tscript:` slips past naive checks. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** `//host` after a web scheme; the host is what the image placeholder names. */
const AUTHORITY = /^\/\/(?:[^/?#@\s]*@)?([^/?#\s:]+(?::\d+)?)(?:[/?#]|$)/;

export function linkTarget(raw: string): LinkTarget {
  const href = raw.trim();
  if (href === '' || CONTROL.test(href) || /\s/.test(href)) return null;
  // The app's own addresses: another screen (`#/…`) or a section of this article (`#…`).
  if (href.startsWith('#')) return href.length > 1 ? { kind: 'in-app', href } : null;
  const scheme = SCHEME.exec(href)?.[1]?.toLowerCase();
  if (scheme === undefined || !EXTERNAL_SCHEMES.has(`${scheme}:`)) return null;
  if (scheme === 'mailto') return href.length > 'mailto:'.length ? { kind: 'external', href } : null;
  return AUTHORITY.test(href.slice(scheme.length + 1)) ? { kind: 'external', href } : null;
}

/**
 * Where an image may be loaded from once the reader asks for it: https only, so no image is ever fetched in clear or
 * from a local file. Null: the image is described, never loaded.
 */
export function imageSource(raw: string): { src: string; host: string } | null {
  const target = linkTarget(raw);
  if (target === null || !/^https:/i.test(target.href)) return null;
  const host = AUTHORITY.exec(target.href.slice('https:'.length))?.[1];
  return host === undefined ? null : { src: target.href, host: host.toLowerCase() };
}
