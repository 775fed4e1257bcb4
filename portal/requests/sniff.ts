/**
 * What a file really is, from its first bytes: an attachment is accepted only when its content matches the type it
 * declares and that type is one the portal takes. A renamed executable labelled image/png is refused for what it is.
 */
import type { AttachmentType } from '../../shared/contracts/requests.js';

type Sniffed = AttachmentType | 'executable';

const SIGNATURES: readonly { type: Sniffed; bytes: readonly number[] }[] = [
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'application/gzip', bytes: [0x1f, 0x8b, 0x08] },
  { type: 'application/zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  // An empty archive, and the marker of an archive split over several files.
  { type: 'application/zip', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { type: 'application/zip', bytes: [0x50, 0x4b, 0x07, 0x08] },
  // ELF, Windows PE ("MZ"), Mach-O (both byte orders, 32 and 64 bit, and universal binaries).
  { type: 'executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { type: 'executable', bytes: [0x4d, 0x5a] },
  { type: 'executable', bytes: [0xfe, 0xed, 0xfa, 0xce] },
  { type: 'executable', bytes: [0xfe, 0xed, 0xfa, 0xcf] },
  { type: 'executable', bytes: [0xce, 0xfa, 0xed, 0xfe] },
  { type: 'executable', bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { type: 'executable', bytes: [0xca, 0xfe, 0xba, 0xbe] },
];

function startsWith(data: Uint8Array, prefix: readonly number[]): boolean {
  return data.length >= prefix.length && prefix.every((b, i) => data[i] === b);
}

/** Tab, line feed, vertical tab, form feed, carriage return and escape (coloured logs) are text; other controls are not. */
function isText(data: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return null;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b) || c === 0x7f) return null;
  }
  return text;
}

/** The type the content shows, or null when it is none the portal knows. */
export function sniffType(data: Uint8Array): Sniffed | null {
  for (const s of SIGNATURES) if (startsWith(data, s.bytes)) return s.type;
  const text = isText(data);
  if (text === null) return null;
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
    return 'application/json';
  } catch {
    return 'text/plain';
  }
}

/** The declared type as compared: lower case, without parameters such as `; charset=utf-8`. */
export function essence(declared: string): string {
  return (declared.split(';')[0] ?? '').trim().toLowerCase();
}

/** JSON is also plain text, so a JSON file declared as text/plain is what it says; the reverse is not. */
export function contentMatches(declared: AttachmentType, sniffed: Sniffed | null): boolean {
  if (sniffed === declared) return true;
  return declared === 'text/plain' && sniffed === 'application/json';
}
