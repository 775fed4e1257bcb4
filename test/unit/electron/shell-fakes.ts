/**
 * Thin stand-ins for the Electron objects the shell's modules are handed (window, tray, menu, notification, app):
 * plain objects that record what was done to them, so a test can say what the user would see.
 */
import type { Logger } from '../../../electron/core/adapters.js';
import type { MainWindowLike } from '../../../electron/main/app-window.js';
import type { NotificationContent, NotificationLike } from '../../../electron/main/notifications.js';
import type { TrayLike, TrayMenuItem } from '../../../electron/main/tray.js';

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

export function recordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (message: string, fields?: Record<string, unknown>): void => {
      lines.push(fields === undefined ? { level, message } : { level, message, fields });
    };
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

/** A BrowserWindow as far as the shell uses it; the page's address is what `executeJavaScript` left it at. */
export class FakeWindow implements MainWindowLike {
  destroyed = false;
  minimized = false;
  visible = false;
  focused = false;
  hash: string;
  readonly calls: string[] = [];
  readonly scripts: string[] = [];
  failScripts = false;

  constructor(initialRoute = '') {
    this.hash = initialRoute;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.calls.push('restore');
    this.minimized = false;
  }
  show(): void {
    this.calls.push('show');
    this.visible = true;
  }
  focus(): void {
    this.calls.push('focus');
    this.focused = true;
  }

  readonly webContents = {
    executeJavaScript: async (code: string): Promise<unknown> => {
      this.scripts.push(code);
      if (this.failScripts) throw new Error('Script failed to execute');
      // Run it against a page whose only state is its address, as the renderer's hash router sees it.
      const page = { location: { hash: this.hash } };
      new Function('window', code)(page);
      this.hash = page.location.hash;
      return undefined;
    },
  };
}

export interface FakeMenu {
  items: TrayMenuItem[];
}

export class FakeTray implements TrayLike<FakeMenu> {
  toolTip = '';
  title: string | undefined;
  menu: FakeMenu | null = null;
  destroyed = false;
  readonly clickListeners: (() => void)[] = [];
  titleCalls = 0;

  setToolTip(text: string): void {
    this.alive();
    this.toolTip = text;
  }
  setTitle(title: string): void {
    this.alive();
    this.titleCalls += 1;
    this.title = title;
  }
  setContextMenu(menu: FakeMenu | null): void {
    this.alive();
    this.menu = menu;
  }
  on(_event: 'click', listener: () => void): this {
    this.clickListeners.push(listener);
    return this;
  }
  destroy(): void {
    this.destroyed = true;
  }

  /** The user clicks the icon. */
  click(): void {
    for (const l of this.clickListeners) l();
  }

  /** The menu's labels as the user reads them (separators as '—'). */
  labels(): string[] {
    return (this.menu?.items ?? []).map((i) => (i.type === 'separator' ? '—' : (i.label ?? '')));
  }

  item(label: string): TrayMenuItem {
    const found = this.menu?.items.find((i) => i.label === label);
    if (found === undefined) throw new Error(`no menu item "${label}" in ${JSON.stringify(this.labels())}`);
    return found;
  }

  /** The user picks a menu item (a disabled one cannot be picked). */
  choose(label: string): void {
    const item = this.item(label);
    if (item.enabled === false) throw new Error(`"${label}" is disabled`);
    item.click?.();
  }

  private alive(): void {
    // Electron throws on a destroyed tray.
    if (this.destroyed) throw new TypeError('Object has been destroyed');
  }
}

export class FakeNotification implements NotificationLike {
  shown = false;
  closed = false;
  private readonly listeners = new Map<string, (() => void)[]>();

  constructor(readonly content: NotificationContent) {}

  on(event: 'click' | 'close', listener: () => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  show(): void {
    this.shown = true;
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const l of this.listeners.get('close') ?? []) l();
  }
  /** The user clicks it. */
  click(): void {
    for (const l of this.listeners.get('click') ?? []) l();
  }
}

/** Notification's constructor and isSupported, recording every notification made. */
export function fakeNotifications(supported = true) {
  const made: FakeNotification[] = [];
  return {
    made,
    create: (content: NotificationContent) => {
      const n = new FakeNotification(content);
      made.push(n);
      return n;
    },
    isSupported: () => supported,
    /** What the user has seen pop up. */
    shown: () => made.filter((n) => n.shown).map((n) => n.content),
  };
}
