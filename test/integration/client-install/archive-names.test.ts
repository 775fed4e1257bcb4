/**
 * Packages made on Chinese Windows: zip names in GBK without the UTF-8 flag, the Info-ZIP Unicode Path field, ZIP64,
 * Chinese names in tar (pax and raw ustar), and the same safety rules on the decoded names, refused in both languages.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { extractArchive, type ExtractOptions } from '../../../electron/core/install/archive.js';
import { HicareError } from '../../../shared/errors.js';
import { translate } from '../../../shared/i18n/translator.js';
import { rawTar, rawTarGz, rawZip, type RawZipEntry } from './raw-archives.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hicare-archive-names-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const gbk = (name: string): Buffer => iconv.encode(name, 'gbk');

async function saved(bytes: Buffer, ext: 'zip' | 'tar.gz'): Promise<string> {
  const file = join(dir, `p${Math.random().toString(36).slice(2)}.${ext}`);
  await writeFile(file, bytes);
  return file;
}

async function unpacked(bytes: Buffer, ext: 'zip' | 'tar.gz', options?: ExtractOptions): Promise<string> {
  const out = join(dir, 'out');
  await extractArchive(await saved(bytes, ext), out, options);
  return out;
}

async function refusal(bytes: Buffer, ext: 'zip' | 'tar.gz', options?: ExtractOptions): Promise<HicareError> {
  const failure = await extractArchive(await saved(bytes, ext), join(dir, 'out'), options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(failure).toBeInstanceOf(HicareError);
  // nothing but the package itself is left
  expect((await readdir(dir)).filter((n) => !n.startsWith('p'))).toEqual([]);
  return failure as HicareError;
}

/** An Info-ZIP Unicode Path field (0x7075) for a header name, optionally written for another name (stale). */
function unicodePath(name: string, forRaw: Buffer): Buffer {
  const utf8 = Buffer.from(name, 'utf8');
  const field = Buffer.alloc(4 + 5 + utf8.length);
  field.writeUInt16LE(0x7075, 0);
  field.writeUInt16LE(5 + utf8.length, 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(crc32(forRaw), 5);
  utf8.copy(field, 9);
  return field;
}

async function yazlZip(entries: [string, string][], zip64: boolean): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of entries)
    zip.addBuffer(Buffer.from(content), name, { forceZip64Format: zip64, mode: 0o100644 });
  zip.end({ forceZip64Format: zip64, comment: '' });
  const parts: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) parts.push(chunk);
  return Buffer.concat(parts);
}

describe('zip names from Chinese Windows tools', () => {
  it('reads GBK names written without the UTF-8 flag', async () => {
    const out = await unpacked(
      rawZip([
        { name: 'label', rawName: gbk('安装说明.txt'), content: '请先阅读' },
        { name: 'label', rawName: gbk('配置/默认.conf'), content: 'port=8080' },
      ]),
      'zip',
    );
    expect(await readFile(join(out, '安装说明.txt'), 'utf8')).toBe('请先阅读');
    expect(await readFile(join(out, '配置', '默认.conf'), 'utf8')).toBe('port=8080');
  });

  it('does not mistake the second byte of a GBK character for a backslash', async () => {
    // 乗 is 0x81 0x5C in GBK: byte for byte, a "\" follows
    expect(gbk('乗')[1]).toBe(0x5c);
    const out = await unpacked(rawZip([{ name: 'label', rawName: gbk('乗务/说明.txt'), content: 'x' }]), 'zip');
    expect(await readFile(join(out, '乗务', '说明.txt'), 'utf8')).toBe('x');
  });

  it('reads UTF-8 names that lack the flag as UTF-8', async () => {
    const out = await unpacked(
      rawZip([{ name: 'label', rawName: Buffer.from('文档/readme.md'), content: 'u' }]),
      'zip',
    );
    expect(await readFile(join(out, '文档', 'readme.md'), 'utf8')).toBe('u');
  });

  it('takes the Unicode Path field when it matches the header name, and ignores a stale one', async () => {
    const raw = Buffer.from('????.txt', 'latin1');
    const out = await unpacked(
      rawZip([
        { name: 'label', rawName: raw, extra: unicodePath('升级说明.txt', raw), content: 'fresh' },
        { name: 'label', rawName: gbk('旧名.txt'), extra: unicodePath('别的名字.txt', raw), content: 'stale' },
      ]),
      'zip',
    );
    expect((await readdir(out)).sort()).toEqual(['升级说明.txt', '旧名.txt'].sort());
    expect(await readFile(join(out, '升级说明.txt'), 'utf8')).toBe('fresh');
  });

  it('reads names in a code page the caller names', async () => {
    const sjis = iconv.encode('表示.txt', 'shift_jis');
    const out = await unpacked(rawZip([{ name: 'label', rawName: sjis, content: 'jp' }]), 'zip', {
      codePage: 'shift_jis',
    });
    expect(await readdir(out)).toEqual(['表示.txt']);
    const cp437 = Buffer.from([0x8e, 0x2e, 0x74, 0x78, 0x74]); // "Ä.txt" in the zip spec's own code page
    await rm(out, { recursive: true });
    expect(
      await readdir(await unpacked(rawZip([{ name: 'l', rawName: cp437 }]), 'zip', { codePage: 'cp437' })),
    ).toEqual(['Ä.txt']);
  });

  it('refuses a code page it does not know before reading anything', async () => {
    const error = await refusal(rawZip([{ name: 'a.txt', content: 'x' }]), 'zip', { codePage: 'klingon' });
    expect(error.key).toBe('INVALID_INPUT.archiveCodePage');
    expect(error.toBody('zh-CN').message).toBe('无法按代码页“klingon”读取文件名。');
  });

  it.each<[string, RawZipEntry, RegExp, string]>([
    [
      'a GBK name climbing out with backslashes',
      { name: 'l', rawName: gbk('..\\..\\启动项.bat'), content: 'x' },
      /backslash/,
      '安装包条目“..\\\\..\\\\启动项.bat”的名称中含有反斜杠。',
    ],
    [
      'a GBK name climbing out with ".."',
      { name: 'l', rawName: gbk('配置/../../启动项.bat'), content: 'x' },
      /climbs out/,
      '安装包条目“配置/../../启动项.bat”通过“..”跳出了安装文件夹。',
    ],
    [
      'a Unicode Path field climbing out',
      { name: 'l', rawName: Buffer.from('safe.txt'), extra: unicodePath('../逃逸.txt', Buffer.from('safe.txt')) },
      /climbs out/,
      '安装包条目“../逃逸.txt”通过“..”跳出了安装文件夹。',
    ],
  ])('refuses %s, in English and Chinese', async (_what, entry, english, chinese) => {
    const error = await refusal(rawZip([{ name: 'good.txt', content: 'fine' }, entry]), 'zip');
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(english);
    const body = error.toBody('zh-CN');
    expect(body.message).toBe(chinese);
    expect(body.remedy).toBe('安装包已损坏或不安全，未予安装。请重新下载；如果问题仍然存在，请报告厂商。');
  });
});

describe('ZIP64', () => {
  it('unpacks a ZIP64 archive', async () => {
    const big = 'y'.repeat(70_000);
    const out = await unpacked(
      await yazlZip(
        [
          ['payload/读我.txt', '你好'],
          ['payload/big.bin', big],
        ],
        true,
      ),
      'zip',
    );
    expect(await readFile(join(out, 'payload', '读我.txt'), 'utf8')).toBe('你好');
    expect(await readFile(join(out, 'payload', 'big.bin'), 'utf8')).toBe(big);
  });

  it('still refuses a lying ZIP64 entry', async () => {
    const good = await yazlZip([['a.txt', 'hello world']], true);
    // the central directory's ZIP64 field holds the real size; make it claim less
    const at = good.indexOf(Buffer.from([0x01, 0x00]), good.lastIndexOf(Buffer.from('PK\u0001\u0002', 'latin1')));
    const lying = Buffer.from(good);
    lying.writeBigUInt64LE(3n, at + 4);
    expect(good.readUInt32LE(good.lastIndexOf(Buffer.from('PK\u0001\u0002', 'latin1')) + 24)).toBe(0xffffffff);
    const error = await refusal(lying, 'zip');
    expect(error.key).toBe('INVALID_INPUT.zipExpands');
  });
});

describe('tar names', () => {
  it('reads a Chinese pax name and link target', async () => {
    const out = await unpacked(
      rawTarGz([
        { name: 'ignored', content: '内容', pax: { path: '文档/使用说明.txt' } },
        { name: 'ignored-link', type: '2', pax: { path: '文档/当前', linkpath: '使用说明.txt' } },
      ]),
      'tar.gz',
    );
    expect(await readFile(join(out, '文档', '使用说明.txt'), 'utf8')).toBe('内容');
    expect(await readFile(join(out, '文档', '当前'), 'utf8')).toBe('内容');
  });

  it('reads a raw UTF-8 ustar name, and a GBK one', async () => {
    const out = await unpacked(
      rawTarGz([
        { name: '发布说明.txt', content: 'utf8' },
        { name: 'label', rawName: gbk('安装说明.txt'), content: 'gbk' },
      ]),
      'tar.gz',
    );
    expect(await readFile(join(out, '发布说明.txt'), 'utf8')).toBe('utf8');
    expect(await readFile(join(out, '安装说明.txt'), 'utf8')).toBe('gbk');
  });

  it.each<[string, Buffer, string]>([
    [
      'a GBK ustar name climbing out',
      rawTarGz([{ name: 'label', rawName: gbk('../启动项.sh'), content: 'x' }]),
      'INVALID_INPUT.archiveClimbsOut',
    ],
    [
      'an archive without its end marker',
      gzipSync(rawTar([{ name: 'a.txt', content: 'x' }]).subarray(0, -1024)),
      'INVALID_INPUT.tarNoEndMarker',
    ],
    [
      'a kind of entry no tool should write',
      rawTarGz([{ name: 'volume', type: 'V' }]),
      'INVALID_INPUT.archiveUnknownKind',
    ],
    ['a file that is not gzip', Buffer.from('\u001f\u008bnot really gzip', 'latin1'), 'INVALID_INPUT.tarNotGzip'],
  ])('refuses %s', async (_what, bytes, key) => {
    const error = await refusal(bytes, 'tar.gz');
    expect(error.key).toBe(key);
    expect(error.toBody('zh-CN').message).toMatch(/安装包/);
  });
});

it('tells a full disk and a refused permission apart in Chinese', async () => {
  expect(translate('zh-CN', 'errors.INSUFFICIENT_SPACE.archiveUnpack.message', { destination: '/opt/hicare' })).toBe(
    '磁盘可用空间不足，无法将安装包解压到 /opt/hicare。',
  );
  expect(translate('zh-CN', 'errors.INSTALL_FAILED.archivePermission.message', { destination: 'D:\\Hi-Care' })).toBe(
    '无法将安装包解压到 D:\\Hi-Care：权限不足。',
  );
});
