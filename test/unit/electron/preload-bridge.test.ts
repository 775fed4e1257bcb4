/** The preload bridge with a stand-in ipcRenderer: only the contract's methods and events get through. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBridge, type IpcRendererLike } from '../../../electron/preload/bridge.js';
import { wireIpc, type IpcInvokeEventLike } from '../../../electron/main/ipc-wiring.js';
import { appHandlers } from '../../../electron/core/app-handlers.js';
import { DEFAULT_SETTINGS, SettingsService } from '../../../electron/core/settings.js';
import { appApi } from '../../../shared/contracts/app-api.js';
import { createClient } from '../../../shared/api/define.js';
import { HicareError } from '../../../shared/errors.js';
import { localizeProblem, type Problem } from '../../../shared/i18n/problem.js';
import { testHost } from '../../support.js';

type IpcListener = (event: unknown, payload: unknown) => void;

function fakeIpcRenderer(reply: (channel: string, args: unknown[]) => unknown = () => ({ ok: true, value: null })) {
  const listeners = new Map<string, Set<IpcListener>>();
  const invoke = vi.fn(async (channel: string, ...args: unknown[]) => reply(channel, args));
  const on = vi.fn((channel: string, listener: IpcListener) => {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
  });
  const removeListener = vi.fn((channel: string, listener: IpcListener) => {
    listeners.get(channel)?.delete(listener);
  });
  const ipc: IpcRendererLike = { invoke, on, removeListener };
  const ipcEvent = { sender: { id: 1 }, ports: [] };
  /** What main's webContents.send(channel, payload) would deliver. */
  const send = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l(ipcEvent, payload));
  const count = (channel: string) => listeners.get(channel)?.size ?? 0;
  return { ipc, invoke, on, removeListener, send, count, ipcEvent };
}

describe('createBridge: invoke', () => {
  it.each(['app.info', 'settings.get', 'settings.update'])(
    'invokes %s on its own channel with exactly the one argument',
    async (method) => {
      const { ipc, invoke } = fakeIpcRenderer(() => ({ ok: true, value: 'answer' }));
      const bridge = createBridge(appApi, ipc);
      const input = { checkEveryHours: 3 };
      await expect(bridge.invoke(method, input)).resolves.toEqual({ ok: true, value: 'answer' });
      expect(invoke).toHaveBeenCalledTimes(1);
      expect(invoke.mock.calls[0]).toEqual([`hicare:${method}`, input]);
    },
  );

  it.each(['settings.delete', 'app', 'hicare:app.info', '', '__proto__', 'constructor', 'toString', 'app.info '])(
    'refuses the undeclared method %j with UNKNOWN_METHOD and makes no IPC call',
    async (method) => {
      const { ipc, invoke } = fakeIpcRenderer();
      const reply = await createBridge(appApi, ipc).invoke(method, {});
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_METHOD', message: expect.any(String), remedy: expect.any(String) },
      });
      expect(invoke).not.toHaveBeenCalled();
      // Its key renders it in either language, with the same English text the preload wrote.
      const error = (reply as { error: Problem }).error;
      expect(localizeProblem('en', error)).toEqual({ message: error.message, remedy: error.remedy });
      expect(localizeProblem('zh-CN', error).remedy).toBe('请更新应用。');
    },
  );

  it('a client over the bridge rethrows the refusal as a HicareError', async () => {
    const { ipc } = fakeIpcRenderer();
    const client = createClient(appApi, createBridge(appApi, ipc));
    const error = await client.call('settings.delete' as never, {} as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HicareError);
    expect((error as HicareError).code).toBe('UNKNOWN_METHOD');
  });
});

describe('createBridge: subscribe', () => {
  const settings = { ...DEFAULT_SETTINGS, checkEveryHours: 12 };

  it('subscribes to a declared event on its channel and hands the listener only the payload', () => {
    const { ipc, on, send } = fakeIpcRenderer();
    const listener = vi.fn();
    createBridge(appApi, ipc).subscribe('settings.changed', listener);
    expect(on).toHaveBeenCalledTimes(1);
    expect(on.mock.calls[0]![0]).toBe('hicare-event:settings.changed');
    send('hicare-event:settings.changed', settings);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([settings]);
  });

  it('does not deliver other events to the listener', () => {
    const { ipc, send } = fakeIpcRenderer();
    const listener = vi.fn();
    createBridge(appApi, ipc).subscribe('settings.changed', listener);
    send('hicare-event:updates.available', { count: 1, checkedAt: '2025-03-01T12:00:00Z' });
    expect(listener).not.toHaveBeenCalled();
  });

  it('unsubscribing removes exactly the listener it added', () => {
    const { ipc, on, removeListener, send, count } = fakeIpcRenderer();
    const bridge = createBridge(appApi, ipc);
    const first = vi.fn();
    const second = vi.fn();
    const offFirst = bridge.subscribe('settings.changed', first);
    bridge.subscribe('settings.changed', second);
    expect(count('hicare-event:settings.changed')).toBe(2);

    offFirst();
    expect(removeListener).toHaveBeenCalledTimes(1);
    expect(removeListener.mock.calls[0]![0]).toBe('hicare-event:settings.changed');
    expect(removeListener.mock.calls[0]![1]).toBe(on.mock.calls[0]![1]);
    expect(count('hicare-event:settings.changed')).toBe(1);

    send('hicare-event:settings.changed', settings);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith(settings);
  });

  it.each(['settings.deleted', '', '__proto__', 'hicare-event:settings.changed'])(
    'does not subscribe to the undeclared event %j',
    (event) => {
      const { ipc, on, removeListener } = fakeIpcRenderer();
      const listener = vi.fn();
      const off = createBridge(appApi, ipc).subscribe(event, listener);
      expect(on).not.toHaveBeenCalled();
      expect(() => off()).not.toThrow();
      expect(removeListener).not.toHaveBeenCalled();
    },
  );

  it('a client over the bridge drops event payloads that do not fit the contract', () => {
    const { ipc, send } = fakeIpcRenderer();
    const listener = vi.fn();
    createClient(appApi, createBridge(appApi, ipc)).on('settings.changed', listener);
    send('hicare-event:settings.changed', { ...settings, checkEveryHours: 0 });
    send('hicare-event:settings.changed', settings);
    expect(listener.mock.calls).toEqual([[settings]]);
  });
});

describe('createBridge: the exposed object', () => {
  it('is frozen and has only invoke and subscribe', () => {
    const { ipc } = fakeIpcRenderer();
    const bridge = createBridge(appApi, ipc);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'subscribe']);
    const writable = bridge as unknown as Record<string, unknown>;
    expect(() => {
      writable.invoke = () => Promise.resolve({ ok: true, value: 'forged' });
    }).toThrow(TypeError);
    expect(() => {
      writable.ipc = ipc;
    }).toThrow(TypeError);
    expect(writable.ipc).toBeUndefined();
  });

  it('does not hand out the ipcRenderer it wraps', () => {
    const { ipc } = fakeIpcRenderer();
    const bridge = createBridge(appApi, ipc);
    expect(Object.values(bridge)).not.toContain(ipc);
    expect(Object.values(bridge)).not.toContain(ipc.invoke);
  });
});

describe('client → bridge → IPC wiring, end to end', () => {
  let dataDirectory: string | undefined;

  afterEach(() => {
    if (dataDirectory !== undefined) rmSync(dataDirectory, { recursive: true, force: true });
    dataDirectory = undefined;
  });

  function connect(frameUrl: string) {
    const dir = mkdtempSync(join(tmpdir(), 'hicare-'));
    dataDirectory = dir;
    const settings = new SettingsService(dir);
    const handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
    wireIpc(
      {
        handle: (channel, listener) => void handlers.set(channel, listener),
        removeHandler: (channel) => void handlers.delete(channel),
      },
      appApi,
      appHandlers({
        host: testHost(dir, 'electron'),
        settings,
        uiBuilt: () => true,
      }),
    );
    const { ipc } = fakeIpcRenderer((channel, args) => {
      const handler = handlers.get(channel);
      if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
      return handler({ senderFrame: { url: frameUrl } }, ...args);
    });
    return { client: createClient(appApi, createBridge(appApi, ipc)), settings };
  }

  it('the app window reads and updates settings', async () => {
    const { client, settings } = connect('app://hicare/index.html');
    await expect(client.call('settings.update', { checkEveryHours: 24 })).resolves.toEqual({
      ...DEFAULT_SETTINGS,
      checkEveryHours: 24,
    });
    await expect(client.call('settings.get', {})).resolves.toEqual({ ...DEFAULT_SETTINGS, checkEveryHours: 24 });
    await expect(client.call('app.info', {})).resolves.toMatchObject({ host: 'electron', version: '1.2.3' });
    expect(settings.get().checkEveryHours).toBe(24);
  });

  it('a bad patch surfaces as INVALID_INPUT and changes nothing', async () => {
    const { client, settings } = connect('app://hicare/index.html');
    const error = await client.call('settings.update', { checkEveryHours: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HicareError);
    expect((error as HicareError).code).toBe('INVALID_INPUT');
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('a foreign frame gets FORBIDDEN', async () => {
    const { client, settings } = connect('https://evil.example/');
    const error = await client.call('settings.update', { checkEveryHours: 24 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HicareError);
    expect((error as HicareError).code).toBe('FORBIDDEN');
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
  });
});
