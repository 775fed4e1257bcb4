/**
 * The sign-in is stored encrypted only behind a real keychain; without one it is kept for the session and the user
 * is told why and what to do, on the window's first screen.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppHandlers } from '../../../electron/core/app/handler-types.js';
import type { SafeStorageLike } from '../../../electron/main/safe-storage.js';
import { assessSecretProtection, chooseSecretStore } from '../../../electron/main/secret-protection.js';
import { withShellNotices } from '../../../electron/main/shell-notices.js';
import { recordingLogger } from './shell-fakes.js';

/** safeStorage as Electron would answer on a machine with (or without) a keyring; "encrypts" by reversing. */
function fakeSafeStorage(available: boolean, backend?: string): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    ...(backend === undefined ? {} : { getSelectedStorageBackend: () => backend }),
    encryptString: (text) => Buffer.from(`sealed:${[...text].reverse().join('')}`),
    decryptString: (sealed) => [...sealed.toString().replace(/^sealed:/, '')].reverse().join(''),
  };
}

const dirs: string[] = [];
function dataDirectory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hicare-secrets-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const TOKEN = 'refresh-token-7f3a';

describe('assessSecretProtection', () => {
  it.each<[string, SafeStorageLike, NodeJS.Platform, 'keychain' | 'session-only']>([
    ['macOS Keychain', fakeSafeStorage(true), 'darwin', 'keychain'],
    ['Windows DPAPI', fakeSafeStorage(true), 'win32', 'keychain'],
    ['GNOME Keyring', fakeSafeStorage(true, 'gnome_libsecret'), 'linux', 'keychain'],
    ['KWallet 5', fakeSafeStorage(true, 'kwallet5'), 'linux', 'keychain'],
    ['Linux with no keyring (a fixed key)', fakeSafeStorage(true, 'basic_text'), 'linux', 'session-only'],
    ['Linux with an unknown backend', fakeSafeStorage(true, 'unknown'), 'linux', 'session-only'],
    ['no encryption at all', fakeSafeStorage(false), 'win32', 'session-only'],
  ])('%s → %s', (_what, safeStorage, platform, kind) => {
    expect(assessSecretProtection(safeStorage, platform).kind).toBe(kind);
  });

  it('tells a Linux user to install or unlock a keyring, in plain words with its code', () => {
    const protection = assessSecretProtection(fakeSafeStorage(true, 'basic_text'), 'linux');
    if (protection.kind !== 'session-only') throw new Error('expected session-only');
    expect(protection.notice.code).toBe('KEYRING_UNAVAILABLE');
    expect(protection.notice.message).toContain('only until the app closes');
    expect(protection.notice.remedy).toMatch(/GNOME Keyring|KWallet/);
    expect(protection.notice.message + protection.notice.remedy).not.toMatch(/basic_text|safeStorage/);
  });
});

describe('chooseSecretStore', () => {
  it('behind a keychain, stores the sign-in encrypted on disk, never in the clear', async () => {
    const dir = dataDirectory();
    const { store, notice } = chooseSecretStore({
      safeStorage: fakeSafeStorage(true, 'gnome_libsecret'),
      platform: 'linux',
      dataDirectory: dir,
      logger: recordingLogger(),
    });
    await store.set('session', TOKEN);
    expect(notice).toBeNull();
    expect(await store.get('session')).toBe(TOKEN);
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain(TOKEN);
  });

  it('without a keyring, keeps the sign-in in memory only: nothing is written, and the user is told', async () => {
    const dir = dataDirectory();
    const logger = recordingLogger();
    const { store, notice } = chooseSecretStore({
      safeStorage: fakeSafeStorage(true, 'basic_text'),
      platform: 'linux',
      dataDirectory: dir,
      logger,
    });
    await store.set('session', TOKEN);
    expect(await store.get('session')).toBe(TOKEN);
    expect(() => readFileSync(join(dir, 'secrets.json'))).toThrow();
    expect(notice?.code).toBe('KEYRING_UNAVAILABLE');
    expect(logger.lines.some((l) => l.level === 'warn')).toBe(true);

    await store.delete('session');
    expect(await store.get('session')).toBeNull();
  });

  it('a later start (a new session store) no longer has the sign-in', async () => {
    const options = {
      safeStorage: fakeSafeStorage(false),
      platform: 'win32' as const,
      dataDirectory: dataDirectory(),
      logger: recordingLogger(),
    };
    await chooseSecretStore(options).store.set('session', TOKEN);
    expect(await chooseSecretStore(options).store.get('session')).toBeNull();
  });
});

describe('withShellNotices', () => {
  const info = {
    name: 'Hi-Care Update Manager',
    version: '1.0.0',
    host: 'electron' as const,
    platform: 'linux-x64',
    portalUrl: null,
    uiBuilt: true,
  };
  const handlers = { 'app.info': async () => info } as unknown as AppHandlers;
  const ctx = {} as Parameters<AppHandlers['app.info']>[1];

  it('adds the shell’s notices to what the window reads when it opens', async () => {
    const notice = assessSecretProtection(fakeSafeStorage(false), 'linux');
    if (notice.kind !== 'session-only') throw new Error('expected session-only');
    const answer = await withShellNotices(handlers, () => [notice.notice])['app.info']({}, ctx);
    expect(answer.notices?.map((n) => n.code)).toEqual(['KEYRING_UNAVAILABLE']);
  });

  it('leaves the answer alone when there is nothing to tell', async () => {
    expect(await withShellNotices(handlers, () => [])['app.info']({}, ctx)).toEqual(info);
  });
});
