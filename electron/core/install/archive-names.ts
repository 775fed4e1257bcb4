/**
 * Entry names as bytes → text. Zip names are UTF-8 only when the writer says so (general-purpose bit 11, or an
 * Info-ZIP Unicode Path field); otherwise they are in the code page of the machine that wrote them, which for our
 * customers is mostly GBK (Chinese Windows' Explorer and WinRAR write it, without any flag). Many tools write UTF-8
 * without the flag too, so valid UTF-8 is read as UTF-8 first. Old ustar names in a tar have the same problem.
 * The safety rules (archive-paths.ts) run on the decoded text: it is what lands on disk.
 */
import { crc32 } from 'node:zlib';
import iconv from 'iconv-lite';
import { unsafeArchive } from './archive-paths.js';

/** The Info-ZIP Unicode Path extra field: version 1, the CRC-32 of the header's name, then the name in UTF-8. */
const UNICODE_PATH_FIELD = 0x7075;
const ZIP_UTF8_FLAG = 0x800;
/** GB18030 is a superset of GBK (and of GB2312), so one decoder reads what any Chinese Windows tool wrote. */
const CHINESE_CODE_PAGE = 'gb18030';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

export interface NameDecoding {
  /** Forces the code page of names not marked UTF-8 (an iconv-lite name: 'cp437', 'shift_jis', 'gbk', …). */
  codePage?: string;
}

/** Checks a code page before anything is read, so a wrong setting is reported as such and not as a damaged package. */
export function assertCodePage(decoding: NameDecoding): void {
  const { codePage } = decoding;
  if (codePage !== undefined && !iconv.encodingExists(codePage))
    throw unsafeArchive('INVALID_INPUT.archiveCodePage', { codePage }, { codePage });
}

/** Bytes of a name that carries no encoding mark: the forced code page, else UTF-8 when valid, else GB18030. */
export function decodeUnmarkedName(raw: Uint8Array, decoding: NameDecoding = {}): string {
  if (decoding.codePage !== undefined) return iconv.decode(raw, decoding.codePage);
  try {
    return strictUtf8.decode(raw);
  } catch {
    return iconv.decode(raw, CHINESE_CODE_PAGE);
  }
}

/** The UTF-8 name a Unicode Path field holds, if it is there, of a version we know, and written for this very name. */
function unicodePathName(raw: Buffer, extraFields: readonly { id: number; data: Buffer }[]): string | undefined {
  for (const field of extraFields) {
    if (field.id !== UNICODE_PATH_FIELD || field.data.length < 5 || field.data.readUInt8(0) !== 1) continue;
    // a tool that renamed the entry without updating this field leaves a stale name: the CRC tells
    if (field.data.readUInt32LE(1) !== crc32(raw)) continue;
    return lenientUtf8.decode(field.data.subarray(5));
  }
  return undefined;
}

/** A zip entry's name (or a link's target, without extra fields) from its raw bytes. */
export function decodeZipName(
  raw: Buffer,
  generalPurposeBitFlag: number,
  extraFields: readonly { id: number; data: Buffer }[],
  decoding: NameDecoding = {},
): string {
  if ((generalPurposeBitFlag & ZIP_UTF8_FLAG) !== 0) return lenientUtf8.decode(raw);
  return unicodePathName(raw, extraFields) ?? decodeUnmarkedName(raw, decoding);
}
