/**
 * What a file really is, from its first bytes: an attachment is accepted only when its content matches the type it
 * declares and that type is one the portal takes. A renamed executable labelled image/png is refused for what it is.
 * The portal enforces these rules; the app and the CLI apply the same ones before anything is sent.
 */
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, type AttachmentType } from '../contracts/requests.js';
import { HicareError } from '../errors.js';

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

/**
 * The text of strict UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF), or null. Written out because
 * shared code runs where neither Node's Buffer nor the DOM's TextDecoder is declared.
 */
function utf8(data: Uint8Array): string | null {
  let text = '';
  let points: number[] = [];
  for (let i = 0; i < data.length;) {
    const b = data[i] ?? 0;
    const [length, min] =
      b < 0x80
        ? [1, 0]
        : b >= 0xc2 && b <= 0xdf
          ? [2, 0x80]
          : b >= 0xe0 && b <= 0xef
            ? [3, 0x800]
            : b >= 0xf0 && b <= 0xf4
              ? [4, 0x10000]
              : [0, 0];
    if (length === 0 || i + length > data.length) return null;
    let point = length === 1 ? b : b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const c = data[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return null;
      point = (point << 6) | (c & 0x3f);
    }
    if (point < min || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) return null;
    points.push(point);
    i += length;
    if (points.length === 8192) {
      text += String.fromCodePoint(...points);
      points = [];
    }
  }
  return text + String.fromCodePoint(...points);
}

/** Tab, line feed, vertical tab, form feed, carriage return and escape (coloured logs) are text; other controls are not. */
function isText(data: Uint8Array): string | null {
  const text = utf8(data);
  if (text === null) return null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b) || c === 0x7f)
      return null;
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

const MIB = 1024 * 1024;
/** The size limit as people read it ("5 MiB"), the same words wherever it is shown. */
export const ATTACHMENT_LIMIT_WORDS = `${ATTACHMENT_MAX_BYTES / MIB} MiB`;

export function attachmentTooLarge(size?: number, fileName?: string): HicareError {
  const limit = ATTACHMENT_MAX_BYTES / MIB;
  const details = {
    maxBytes: ATTACHMENT_MAX_BYTES,
    ...(size === undefined ? {} : { size }),
    ...(fileName === undefined ? {} : { fileName }),
  };
  // The size goes as text, so it reads "5.2" in every language rather than as a number each writes its own way.
  const shown = size === undefined ? undefined : (size / MIB).toFixed(1);
  if (fileName === undefined) {
    return shown === undefined
      ? new HicareError('ATTACHMENT_TOO_LARGE.limit', { limit }, details)
      : new HicareError('ATTACHMENT_TOO_LARGE.sized', { limit, size: shown }, details);
  }
  return shown === undefined
    ? new HicareError('ATTACHMENT_TOO_LARGE.file', { limit, fileName }, details)
    : new HicareError('ATTACHMENT_TOO_LARGE.fileSized', { limit, fileName, size: shown }, details);
}

export type TypeRefusal =
  | { key: 'ATTACHMENT_TYPE_REFUSED.declaredType'; declared: string }
  | { key: 'ATTACHMENT_TYPE_REFUSED.unknownType' }
  | { key: 'ATTACHMENT_TYPE_REFUSED.contentMismatch'; declared: string; content: string }
  | { key: 'ATTACHMENT_TYPE_REFUSED.program' | 'ATTACHMENT_TYPE_REFUSED.notAccepted'; fileName: string };

/** The refusal of a file whose type is not one the portal takes, or not the type it claims. */
export function attachmentTypeRefused(refusal: TypeRefusal, declared: string): HicareError {
  const { key, ...params } = refusal;
  return new HicareError(
    key,
    { ...params, accepted: ATTACHMENT_TYPES.join(', ') },
    { declared, accepted: [...ATTACHMENT_TYPES] },
  );
}

/** The portal's check of an upload: a type it takes, declared truthfully. */
export function checkDeclaredType(declaredType: string, bytes: Uint8Array): AttachmentType {
  const declared = essence(declaredType);
  const known = ATTACHMENT_TYPES.find((t) => t === declared);
  if (known === undefined) {
    throw attachmentTypeRefused(
      declared === ''
        ? { key: 'ATTACHMENT_TYPE_REFUSED.unknownType' }
        : { key: 'ATTACHMENT_TYPE_REFUSED.declaredType', declared },
      declared,
    );
  }
  const sniffed = sniffType(bytes);
  if (!contentMatches(known, sniffed)) {
    const content = sniffed === null ? 'unknown' : sniffed === 'executable' ? 'program' : sniffed;
    throw attachmentTypeRefused({ key: 'ATTACHMENT_TYPE_REFUSED.contentMismatch', declared: known, content }, declared);
  }
  return known;
}

/**
 * The desktop's check of a file the customer picked, before anything is sent: at most ATTACHMENT_MAX_BYTES, and a
 * content the portal takes; the type it will be declared as is the one its bytes show.
 */
export function attachableType(fileName: string, bytes: Uint8Array): AttachmentType {
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw attachmentTooLarge(bytes.length, fileName);
  const sniffed = sniffType(bytes);
  if (sniffed === null || sniffed === 'executable') {
    const key = sniffed === 'executable' ? 'ATTACHMENT_TYPE_REFUSED.program' : 'ATTACHMENT_TYPE_REFUSED.notAccepted';
    throw attachmentTypeRefused({ key, fileName }, sniffed ?? 'unknown');
  }
  return sniffed;
}
