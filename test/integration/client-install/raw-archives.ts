/**
 * Builds tar.gz and zip files byte by byte for the extractor's tests, including the malicious ones no honest tool
 * writes: absolute names, `..`, links out of the folder, devices, lying sizes.
 */
import { gzipSync, crc32, deflateRawSync } from 'node:zlib';

export interface RawTarEntry {
  name: string;
  /** tar type flag: '0' file, '1' hardlink, '2' symlink, '3' char device, '5' folder, ... */
  type?: string;
  mode?: number;
  content?: Buffer | string;
  linkname?: string;
  /** Written as a GNU `././@LongLink` entry before the header, whose own name field holds `name`. */
  longName?: string;
  /** Written as a pax extended header before the entry. */
  pax?: Record<string, string>;
  /** The name field's bytes as they are (a name in another encoding than UTF-8); `name` is then only a label. */
  rawName?: Buffer;
}

const BLOCK = 512;

function header(name: string | Buffer, type: string, size: number, mode: number, linkname = ''): Buffer {
  const h = Buffer.alloc(BLOCK, 0);
  (typeof name === 'string' ? Buffer.from(name, 'utf8') : name).subarray(0, 100).copy(h, 0);
  h.write(mode.toString(8).padStart(7, '0'), 100, 'ascii');
  h.write('0000000', 108, 'ascii');
  h.write('0000000', 116, 'ascii');
  h.write(size.toString(8).padStart(11, '0'), 124, 'ascii');
  h.write('15000000000', 136, 'ascii');
  h.write(type, 156, 'ascii');
  Buffer.from(linkname, 'utf8').subarray(0, 100).copy(h, 157);
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

function padded(data: Buffer): Buffer[] {
  const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
  return pad === 0 ? [data] : [data, Buffer.alloc(pad, 0)];
}

function paxRecords(records: Record<string, string>): Buffer {
  const parts = Object.entries(records).map(([k, v]) => {
    const body = ` ${k}=${v}\n`;
    let length = Buffer.byteLength(body) + 1;
    while (String(length).length + Buffer.byteLength(body) !== length)
      length = String(length).length + Buffer.byteLength(body);
    return `${length}${body}`;
  });
  return Buffer.from(parts.join(''), 'utf8');
}

export function rawTar(entries: readonly RawTarEntry[]): Buffer {
  const chunks: Buffer[] = [];
  for (const e of entries) {
    const data = Buffer.from(e.content ?? '');
    const type = e.type ?? '0';
    if (e.pax !== undefined) {
      const records = paxRecords(e.pax);
      chunks.push(header('PaxHeaders/x', 'x', records.length, 0o644), ...padded(records));
    }
    if (e.longName !== undefined) {
      const long = Buffer.from(`${e.longName}\0`, 'utf8');
      chunks.push(header('././@LongLink', 'L', long.length, 0o644), ...padded(long));
    }
    chunks.push(
      header(
        e.rawName ?? e.name,
        type,
        type === '0' ? data.length : 0,
        e.mode ?? (type === '5' ? 0o755 : 0o644),
        e.linkname ?? '',
      ),
    );
    if (type === '0' && data.length > 0) chunks.push(...padded(data));
  }
  chunks.push(Buffer.alloc(BLOCK * 2, 0));
  return Buffer.concat(chunks);
}

export function rawTarGz(entries: readonly RawTarEntry[]): Buffer {
  return gzipSync(rawTar(entries));
}

export interface RawZipEntry {
  name: string;
  content?: Buffer | string;
  /** 0 stored, 8 deflated (default). */
  method?: number;
  /** Full unix mode including the file type bits (0o100644 file, 0o120777 symlink, 0o020644 char device...). */
  unixMode?: number;
  /** Overrides the declared uncompressed size (a lying zip). */
  declaredSize?: number;
  /** The name's bytes as they are, written without the UTF-8 flag (a GBK or Shift_JIS name); `name` is a label. */
  rawName?: Buffer;
  /** Extra fields of the central directory record, ready-made (id, length, data). */
  extra?: Buffer;
}

export function rawZip(entries: readonly RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.from(e.content ?? '');
    const method = e.method ?? 8;
    const stored = method === 8 ? deflateRawSync(data) : data;
    const name = e.rawName ?? Buffer.from(e.name, 'utf8');
    const flags = e.rawName === undefined ? 0x800 : 0;
    const extra = e.extra ?? Buffer.alloc(0);
    const crc = crc32(data);
    const size = e.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, stored);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by unix
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    const mode = e.unixMode ?? (e.name.endsWith('/') ? 0o040755 : 0o100644);
    central.writeUInt32LE((mode << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += 30 + name.length + stored.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
