import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { finalError } from '../../../electron/core/downloads/transfer-errors.js';
import { InstallFailure, type InstallFailureDetails } from '../../../electron/core/install/install-failure.js';
import { PortalClient } from '../../../electron/core/portal/client.js';
import { portalErrorFromBody, transportError } from '../../../electron/core/portal/errors.js';
import { HicareError } from '../../../shared/errors.js';
import type { DisplayLocale } from '../../../shared/i18n/locales.js';

const PORTAL = 'https://portal.example';
const ctx = { name: 'atlas-1.9.0.tar.gz', host: 'portal.example', cacheDir: '/var/cache/hicare', missingBytes: 1024 };

function systemError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:8780`), { code, syscall: 'connect' });
}

describe('the core’s errors read as whole Chinese sentences', () => {
  it.each([
    ['ECONNREFUSED', '无法连接门户 https://portal.example：该地址没有服务响应。'],
    ['ENOTFOUND', '无法连接门户 https://portal.example：找不到该主机名。'],
    ['ECONNRESET', '无法连接门户 https://portal.example：连接被中断。'],
  ])('a portal that cannot be reached (%s)', (code, message) => {
    const body = transportError(systemError(code), PORTAL).toBody('zh-CN');
    expect(body).toMatchObject({ code: 'OFFLINE', message, remedy: '请检查网络连接、代理设置和门户地址，然后重试。' });
  });

  it('a download whose connection kept breaking off, in both languages', () => {
    const cut = finalError(
      { kind: 'network', error: new HicareError('DOWNLOAD_FAILED.connectionBroke', { ...ctx, cause: 'cut' }) },
      4,
      ctx,
    );
    expect(cut.message).toBe(
      'Downloading atlas-1.9.0.tar.gz failed 4 times in a row; the last time, the connection to portal.example broke off: the connection was cut.',
    );
    expect(cut.toBody('zh-CN').message).toBe(
      '下载 atlas-1.9.0.tar.gz 已连续失败 4 次；最后一次是与 portal.example 的连接中断：连接被中断。',
    );
  });

  it('an installer that failed, quoting the installer’s own last line', () => {
    const failure = new InstallFailure(
      {
        key: 'INSTALL_FAILED.installerSaying',
        params: { release: 'atlas 1.9.0', stopped: 'exit', exitCode: '3', cause: 'licence file missing' },
      },
      {} as InstallFailureDetails,
    );
    expect(failure.message).toBe(
      'Installing atlas 1.9.0 failed: the installer exited with code 3: licence file missing',
    );
    expect(failure.toBody('zh-CN')).toMatchObject({
      code: 'INSTALL_FAILED',
      message: '安装 atlas 1.9.0 失败：安装程序以退出码 3 退出：licence file missing',
      remedy: '请按安装程序指出的原因处理后重新安装；如果无法解决，请提交支持请求（系统会为您自动填写）。',
    });
  });

  it('an install step that failed with a coded error keeps that error’s key', () => {
    const cause = new HicareError('HASH_MISMATCH.cachedPackageSha256', { path: '/p/atlas.tgz' });
    const failure = new InstallFailure(cause, {} as InstallFailureDetails);
    expect(failure.toBody('zh-CN').message).toBe('安装包 /p/atlas.tgz 与已签名目录中的 SHA-256 不符：下载后已被改动。');
  });
});

describe('a portal’s coded error body', () => {
  it('keeps the key and params it came with, so the app can word it again in its language', () => {
    const error = portalErrorFromBody(
      404,
      {
        code: 'NOT_FOUND',
        message: '没有服务请求 TAC-1。',
        remedy: '请检查编号。',
        key: 'NOT_FOUND.desktopDownload',
        params: { id: 'TAC-1' },
      },
      PORTAL,
    );
    expect(error).toMatchObject({ code: 'NOT_FOUND', key: 'NOT_FOUND.desktopDownload', params: { id: 'TAC-1' } });
    expect(error.details).toMatchObject({ status: 404 });
    expect(error.toBody('en').message).toBe('There is no download TAC-1.');
  });

  it('without a body is the portal’s unexplained answer, in Chinese too', () => {
    expect(portalErrorFromBody(502, undefined, PORTAL).toBody('zh-CN').message).toBe(
      '门户 https://portal.example 返回了 502，但未给出说明。',
    );
  });
});

describe('the portal client asks for the app’s language', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('sends Accept-Language with every call, read again at each call', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'UNAUTHENTICATED', message: '请登录。', remedy: '请登录。' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => new Promise((resolve) => server.close(() => resolve()));
    const { port } = server.address() as AddressInfo;
    let language: DisplayLocale = 'zh-CN';
    const secrets = new Map<string, string>([[`portal-token:http://127.0.0.1:${port}`, 'token']]);
    const client = new PortalClient({
      portalUrl: `http://127.0.0.1:${port}`,
      secrets: {
        get: (name) => Promise.resolve(secrets.get(name) ?? null),
        set: (name, value) => Promise.resolve(void secrets.set(name, value)),
        delete: (name) => Promise.resolve(void secrets.delete(name)),
      },
      env: {},
      retries: 0,
      language: () => language,
    });
    await expect(client.call('me', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: '请登录。' });
    language = 'en';
    await expect(client.call('me', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(seen.map((h) => h['accept-language'])).toEqual(['zh-CN', 'en']);
  });
});
