import { describe, expect, it } from 'vitest';
import { fileError } from '../../../electron/core/files/file-error.js';
import { HicareError } from '../../../shared/errors.js';

function errno(code: string, path = '/data/root.json'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: something, open '${path}'`), { code, syscall: 'open', path, errno: -1 });
}

const USE = { file: 'trustRootArgument', path: '/data/root.json' } as const;
const REMEDY = "Give the portal's root.json: hicare trust <portal data>/tuf/1.root.json";

describe('file-system errors in plain words', () => {
  it.each([
    ['ENOENT', 'NOT_FOUND', 'There is no trust root at /data/root.json.'],
    ['ENOTDIR', 'NOT_FOUND', 'The path of trust root, /data/root.json, goes through something that is not a folder.'],
    ['EEXIST', 'NOT_FOUND', 'The path of trust root, /data/root.json, goes through something that is not a folder.'],
    ['EISDIR', 'INVALID_INPUT', 'Trust root /data/root.json is a folder, where a file is needed.'],
    ['ENAMETOOLONG', 'INVALID_INPUT', 'The path given for trust root is too long for this system.'],
    ['EACCES', 'FILE_NOT_ACCESSIBLE', 'Your account may not use trust root at /data/root.json.'],
    ['EPERM', 'FILE_NOT_ACCESSIBLE', 'Your account may not use trust root at /data/root.json.'],
    ['EROFS', 'FILE_NOT_ACCESSIBLE', 'Trust root at /data/root.json is on a disk that cannot be written to.'],
    ['ENOSPC', 'INSUFFICIENT_SPACE', 'The disk holding trust root at /data/root.json is full.'],
    ['EBUSY', 'FILE_NOT_ACCESSIBLE', 'Trust root at /data/root.json is in use by another program.'],
    ['EWHATEVER', 'FILE_NOT_ACCESSIBLE', 'Trust root at /data/root.json cannot be used.'],
  ])('%s → %s', (code, expected, message) => {
    const error = fileError(errno(code), USE) as HicareError;
    expect(error).toBeInstanceOf(HicareError);
    expect(error).toMatchObject({ code: expected, message, remedy: REMEDY, details: { path: USE.path } });
    expect(error.message).not.toContain(code);
  });

  it('shortens a very long path in the sentence and keeps it whole in the details', () => {
    const path = `/data/${'x'.repeat(3000)}`;
    const error = fileError(errno('ENOENT', path), { ...USE, path }) as HicareError;
    expect(error.message.length).toBeLessThan(300);
    expect(error.details).toMatchObject({ path });
  });

  it('says the problem, the file and the remedy in Chinese as whole sentences', () => {
    const error = fileError(errno('EACCES'), { file: 'caBundle', path: '/etc/ca.pem' }) as HicareError;
    expect(error.toBody('zh-CN')).toMatchObject({
      code: 'FILE_NOT_ACCESSIBLE',
      message: '您的账户无权使用CA 证书包 /etc/ca.pem。',
      remedy: '请在“设置 → 附加 CA 证书包”中选择一个可读取的 PEM 文件。',
    });
  });

  it('passes anything that is not a file-system error through unchanged', () => {
    const coded = new HicareError('OFFLINE.portalUnreachable', { portal: 'https://p', cause: 'refused' });
    expect(fileError(coded, USE)).toBe(coded);
    const plain = new TypeError('not ours');
    expect(fileError(plain, USE)).toBe(plain);
  });
});
