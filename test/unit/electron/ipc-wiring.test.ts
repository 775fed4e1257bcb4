/** The IPC wiring with a stand-in ipcMain: one handler per method, only the app's own frames may call, input validated. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  APP_ORIGIN,
  isAppFrame,
  wireIpc,
  type IpcInvokeEventLike,
  type IpcMainLike,
} from '../../../electron/main/ipc-wiring.js';
import { appHandlers } from '../../../electron/core/app-handlers.js';
import { DEFAULT_SETTINGS, SettingsService } from '../../../electron/core/settings.js';
import { appApi } from '../../../shared/contracts/app-api.js';
import { methodChannel, methodNames, type Envelope } from '../../../shared/api/define.js';
import { testHost } from '../../support.js';

type Listener = (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>;

class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  readonly handled: string[] = [];
  readonly removed: string[] = [];

  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handled.push(channel);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.removed.push(channel);
    this.handlers.delete(channel);
  }

  /** What ipcRenderer.invoke(channel, ...args) from a frame at `frameUrl` would produce. */
  async invoke(channel: string, senderFrame: { url: string } | null, ...args: unknown[]): Promise<Envelope<unknown>> {
    const listener = this.handlers.get(channel);
    if (listener === undefined) throw new Error(`No handler registered for '${channel}'`);
    return (await listener({ senderFrame }, ...args)) as Envelope<unknown>;
  }
}

const APP_FRAME = { url: 'app://hicare/index.html' };

let dataDirectory: string;
let settings: SettingsService;
let ipc: FakeIpcMain;
let dispose: () => void;

const settingsFile = () => join(dataDirectory, 'settings.json');
const readSettingsFile = () => readFileSync(settingsFile(), 'utf8');

beforeEach(() => {
  dataDirectory = mkdtempSync(join(tmpdir(), 'hicare-'));
  settings = new SettingsService(dataDirectory);
  ipc = new FakeIpcMain();
  dispose = wireIpc(
    ipc,
    appApi,
    appHandlers({ host: testHost(dataDirectory, 'electron'), settings, uiBuilt: () => true }),
  );
});

afterEach(() => {
  rmSync(dataDirectory, { recursive: true, force: true });
});

function expectError(reply: Envelope<unknown>, code: string) {
  expect(reply.ok).toBe(false);
  const error = (reply as Extract<Envelope<unknown>, { ok: false }>).error;
  expect(error.code).toBe(code);
  expect(error.message).toEqual(expect.any(String));
  expect(error.remedy).toEqual(expect.any(String));
  return error;
}

describe('wireIpc registration', () => {
  it('registers exactly one channel per declared method', () => {
    expect([...ipc.handled].sort()).toEqual(methodNames(appApi).map(methodChannel).sort());
    expect(ipc.handlers.size).toBe(Object.keys(appApi.methods).length);
  });

  it('the disposer removes every handler it registered', async () => {
    dispose();
    expect([...ipc.removed].sort()).toEqual(methodNames(appApi).map(methodChannel).sort());
    expect(ipc.handlers.size).toBe(0);
    await expect(ipc.invoke('hicare:app.info', APP_FRAME)).rejects.toThrow(/No handler/);
  });

  it('can be wired again after disposing, without a duplicate registration', () => {
    dispose();
    expect(() =>
      wireIpc(ipc, appApi, appHandlers({ host: testHost(dataDirectory, 'electron'), settings, uiBuilt: () => true })),
    ).not.toThrow();
    expect(ipc.handlers.size).toBe(methodNames(appApi).length);
  });
});

describe('calls from the app window', () => {
  it('answers app.info with the host facts', async () => {
    expect(APP_ORIGIN).toBe('app://hicare');
    expect(await ipc.invoke('hicare:app.info', APP_FRAME, {})).toEqual({
      ok: true,
      value: {
        name: 'Hi-Care Update Manager',
        version: '1.2.3',
        host: 'electron',
        platform: 'linux-x64',
        portalUrl: null,
        uiBuilt: true,
      },
    });
  });

  it('accepts a call without an argument', async () => {
    expect(await ipc.invoke('hicare:settings.get', APP_FRAME)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('settings.update is reflected by settings.get and app.info and persisted in the data directory', async () => {
    const changed = vi.fn();
    settings.onChange(changed);
    const patch = { portalUrl: 'https://portal.example.com/', checkEveryHours: 12, includePreviews: true };
    const updated = await ipc.invoke('hicare:settings.update', { url: 'app://hicare/settings' }, patch);
    expect(updated).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, ...patch } });
    expect(changed).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, ...patch });

    expect(await ipc.invoke('hicare:settings.get', APP_FRAME, {})).toEqual({
      ok: true,
      value: { ...DEFAULT_SETTINGS, ...patch },
    });
    const info = await ipc.invoke('hicare:app.info', APP_FRAME, {});
    expect(info).toMatchObject({ ok: true, value: { portalUrl: 'https://portal.example.com/' } });

    expect(JSON.parse(readSettingsFile())).toEqual({ settings: { ...DEFAULT_SETTINGS, ...patch } });
    expect(new SettingsService(dataDirectory).get()).toEqual({ ...DEFAULT_SETTINGS, ...patch });
  });

  it('a later patch changes only the fields it names, and null clears a field', async () => {
    await ipc.invoke('hicare:settings.update', APP_FRAME, {
      portalUrl: 'https://portal.example.com/',
      checkEveryHours: 24,
    });
    const reply = await ipc.invoke('hicare:settings.update', APP_FRAME, { portalUrl: null });
    expect(reply).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, checkEveryHours: 24 } });
  });
});

describe('calls from anywhere else are refused', () => {
  it.each<[string, { url: string } | null]>([
    ['an https page', { url: 'https://evil.example/' }],
    ['a local file', { url: 'file:///etc/passwd' }],
    ['another app:// host', { url: 'app://other/' }],
    ['a look-alike app:// host', { url: 'app://hicare.evil.example/index.html' }],
    ['an app:// URL with credentials for another host', { url: 'app://hicare@evil.example/' }],
    ['an http page on localhost', { url: 'http://localhost:5173/' }],
    ['an empty frame URL', { url: '' }],
    ['no URL at all', { url: 'about:blank' }],
    ['a destroyed frame (null senderFrame)', null],
  ])('%s: FORBIDDEN and the settings stay as they were', async (_what, frame) => {
    const before = readSettingsFile();
    for (const channel of ['hicare:app.info', 'hicare:settings.get']) {
      expectError(await ipc.invoke(channel, frame, {}), 'FORBIDDEN');
    }
    expectError(await ipc.invoke('hicare:settings.update', frame, { portalUrl: 'https://evil.example/' }), 'FORBIDDEN');
    expect(readSettingsFile()).toBe(before);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('bad arguments are refused and change nothing', () => {
  it('refuses two arguments with INVALID_INPUT', async () => {
    const before = readSettingsFile();
    expectError(
      await ipc.invoke('hicare:settings.update', APP_FRAME, { checkEveryHours: 2 }, { checkEveryHours: 3 }),
      'INVALID_INPUT',
    );
    expectError(await ipc.invoke('hicare:app.info', APP_FRAME, {}, {}), 'INVALID_INPUT');
    expect(readSettingsFile()).toBe(before);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
  });

  it.each<[string, unknown, string]>([
    ['a portal URL that is not a URL', { portalUrl: 'not a url' }, 'portalUrl'],
    ['a check interval of zero', { checkEveryHours: 0 }, 'checkEveryHours'],
    ['a check interval over a week', { checkEveryHours: 169 }, 'checkEveryHours'],
    ['a fractional check interval', { checkEveryHours: 1.5 }, 'checkEveryHours'],
    ['a check interval given as a string', { checkEveryHours: '6' }, 'checkEveryHours'],
    ['a non-boolean preview flag', { includePreviews: 'yes' }, 'includePreviews'],
    ['an over-long download directory', { downloadDirectory: 'x'.repeat(1_001) }, 'downloadDirectory'],
    ['an unknown key', { isAdmin: true }, ''],
    ['an unknown key next to a valid one', { checkEveryHours: 12, isAdmin: true }, ''],
    ['a string instead of a patch', 'checkEveryHours=1', ''],
    ['an array instead of a patch', [{ checkEveryHours: 1 }], ''],
  ])('%s: INVALID_INPUT and the settings file is unchanged', async (_what, patch, path) => {
    const changed = vi.fn();
    settings.onChange(changed);
    const before = readSettingsFile();
    const error = expectError(await ipc.invoke('hicare:settings.update', APP_FRAME, patch), 'INVALID_INPUT');
    const issues = (error.details as { method: string; issues: { path: string }[] }).issues;
    expect((error.details as { method: string }).method).toBe('settings.update');
    expect(issues.map((i) => i.path)).toContain(path);
    expect(readSettingsFile()).toBe(before);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(changed).not.toHaveBeenCalled();
  });

  it('refuses any argument to app.info other than an empty object', async () => {
    expectError(await ipc.invoke('hicare:app.info', APP_FRAME, { verbose: true }), 'INVALID_INPUT');
  });
});

describe('isAppFrame', () => {
  it.each([
    ['app://hicare/index.html', true],
    ['app://hicare/', true],
    ['app://hicare', true],
    ['app://HICARE/index.html', false],
    ['app://hicare:8080/', false],
    ['app://other/', false],
    ['https://hicare/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppFrame(url)).toBe(expected);
  });

  it('refuses an undefined URL', () => {
    expect(isAppFrame(undefined)).toBe(false);
  });
});
