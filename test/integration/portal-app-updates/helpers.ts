/**
 * Fixtures for the manager's own update feed: installers of random bytes, `hicare-portal publish-app` as the vendor
 * runs it, the repository's signed targets version read from disk, and electron-updater's own generic provider
 * reading the feed over loopback (its channel file names, its YAML parser, its URL resolution).
 */
import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HttpExecutor, type UpdateInfo } from 'builder-util-runtime';
import type { AppUpdater } from 'electron-updater';
import { GenericProvider } from 'electron-updater/out/providers/GenericProvider.js';
import type { ProviderPlatform, ProviderRuntimeOptions } from 'electron-updater/out/providers/Provider.js';
import type { ResolvedUpdateFileInfo } from 'electron-updater/out/types.js';
import { readState } from '../../../portal/tuf/metadata-files.js';
import { cliEnv, runCli, type CliResult } from '../portal-cli/cli.js';

export function sha512Base64(bytes: Buffer): string {
  return createHash('sha512').update(bytes).digest('base64');
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** An installer as electron-builder would leave it: `size` random bytes under `name`. */
export async function installer(dir: string, name: string, size: number): Promise<{ path: string; bytes: Buffer }> {
  const bytes = randomBytes(size);
  const path = join(dir, name);
  await writeFile(path, bytes);
  return { path, bytes };
}

export function publishApp(dataDirectory: string, args: readonly string[]): Promise<CliResult> {
  return runCli(['publish-app', ...args], cliEnv({ HICARE_PORTAL_DATA: dataDirectory }));
}

/**
 * The top-level targets and timestamp versions a client would see now, straight from the repository's files, and
 * the names top-level targets lists (the manager's installers; releases are in product roles).
 */
export async function signedVersions(
  repoDir: string,
): Promise<{ targets: number; timestamp: number; names: string[] }> {
  const state = await readState(repoDir);
  return {
    targets: state.targets.signed.version,
    timestamp: state.timestamp.signed.version,
    names: Object.keys(state.targets.signed.targets).sort(),
  };
}

/** Every file under the repository's `targets/hicare-update-manager/`: a refused publish must leave none behind. */
export async function storedAppFiles(repoDir: string): Promise<string[]> {
  return (await readdir(join(repoDir, 'targets', 'hicare-update-manager'), { recursive: true }).catch(() => [])).sort();
}

/** electron-updater's HTTP layer over plain Node http: on a 4xx it raises the HttpError its providers look for. */
class LoopbackExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    return httpRequest(options, callback);
  }
}

export interface FeedReading {
  info: UpdateInfo;
  files: ResolvedUpdateFileInfo[];
}

/**
 * What electron-updater's generic provider makes of `<portal>/app-updates/<os>/<arch>` as the app configures it
 * (electron/main/self-update.ts: channel `latest`), as if running on `platform` with Node's `arch`.
 */
export async function readFeed(
  portal: string,
  os: string,
  arch: string,
  platform: ProviderPlatform,
  nodeArch = 'x64',
): Promise<FeedReading> {
  const runtime: ProviderRuntimeOptions = {
    isUseMultipleRangeRequest: false,
    platform,
    executor: new LoopbackExecutor() as unknown as ProviderRuntimeOptions['executor'],
  };
  const updater = { channel: null, isAddNoCacheQuery: true } as unknown as AppUpdater;
  const provider = new GenericProvider(
    { provider: 'generic', url: `${portal}/app-updates/${os}/${arch}`, channel: 'latest' },
    updater,
    runtime,
  );
  // The provider names the Linux channel file after process.arch; this is its own switch for that.
  const previous = process.env['TEST_UPDATER_ARCH'];
  process.env['TEST_UPDATER_ARCH'] = nodeArch;
  try {
    const info = await provider.getLatestVersion();
    return { info, files: provider.resolveFiles(info) };
  } finally {
    if (previous === undefined) delete process.env['TEST_UPDATER_ARCH'];
    else process.env['TEST_UPDATER_ARCH'] = previous;
  }
}
