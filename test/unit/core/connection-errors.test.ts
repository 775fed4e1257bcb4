import { RequestError } from 'got';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../electron/core/downloads/transfer-errors.js';
import { transportError } from '../../../electron/core/portal/errors.js';

const ctx = {
  name: 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz',
  host: '127.0.0.1:8780',
  cacheDir: '/var/cache/hicare',
  missingBytes: 1024,
};
const SYSTEM_NAME = /\bE[A-Z]{3,}\b|ERR_|CERT_|syscall|errno/;

function systemError(code: string, message = `connect ${code} 127.0.0.1:8780`): Error {
  return Object.assign(new Error(message), { code, syscall: 'connect' });
}

function gotError(code: string): RequestError {
  return new RequestError(`connect ${code} 127.0.0.1:8780`, { code } as never, {} as never);
}

describe('a portal call that fails on the network says why in words, never the system’s code', () => {
  it.each([
    ['ECONNREFUSED', 'OFFLINE', 'nothing answered at that address'],
    ['ENOTFOUND', 'OFFLINE', 'its name could not be found'],
    ['EHOSTUNREACH', 'OFFLINE', 'there is no network route to it'],
    ['ECONNRESET', 'OFFLINE', 'the connection was cut'],
    ['ETIMEDOUT', 'TIMEOUT', 'did not answer in time'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'PORTAL_ERROR', 'is not trusted by this computer'],
    ['ERR_SOMETHING_NEW', 'PORTAL_ERROR', 'failed'],
  ])('%s → %s ("%s")', (code, expected, words) => {
    const error = transportError(
      systemError(code, `${code}: getaddrinfo at Socket.emit (node:net:1234)`),
      'https://portal.example',
    );
    expect(error.code).toBe(expected);
    expect(error.message).toContain(words);
    expect(error.message).not.toMatch(SYSTEM_NAME);
    expect(error.message).not.toContain('node:net');
    expect(error.details?.['cause']).toBe(code);
  });
});

describe('a package download that fails on the network says why in words', () => {
  it.each([
    ['ECONNREFUSED', 'OFFLINE', 'nothing answered at that address'],
    ['EHOSTDOWN', 'OFFLINE', 'it is switched off or disconnected'],
    ['ECONNRESET', 'DOWNLOAD_FAILED', 'the connection was cut'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'UNTRUSTED_PORTAL', 'is not trusted by this computer'],
  ])('%s → %s ("%s")', (code, expected, words) => {
    const { error } = classify(gotError(code), ctx);
    expect(error.code).toBe(expected);
    expect(error.message).toContain(words);
    expect(error.message).not.toMatch(SYSTEM_NAME);
  });

  it('a cache that cannot be written names the folder, not the system call', () => {
    const { error } = classify(
      systemError('EROFS', "EROFS: read-only file system, open '/var/cache/hicare/x.part'"),
      ctx,
    );
    expect(error.message).toBe('The package cache at /var/cache/hicare cannot be written.');
    expect(error.remedy).toMatch(/download folder exists and is writable/);
  });
});
