/**
 * The tray icon: says how many updates are available (tooltip, the first line of its menu and, on macOS, the title
 * next to the icon), opens the window when clicked, and offers Open, Check now and Quit, in the app's language.
 * Electron's Tray and Menu are passed in, so the tray is tested without Electron.
 */
import type { DisplayLocale } from '../../shared/i18n/locales.js';
import { translator, type Translate } from '../../shared/i18n/translator.js';
import type { Logger } from '../core/adapters.js';

/** The part of Electron's MenuItemConstructorOptions the tray uses. */
export interface TrayMenuItem {
  label?: string;
  type?: 'normal' | 'separator';
  enabled?: boolean;
  click?: () => void;
}

/** What the tray needs of Electron's Tray; `M` is the built menu (Electron's Menu). */
export interface TrayLike<M> {
  setToolTip(text: string): void;
  setTitle(title: string): void;
  setContextMenu(menu: M | null): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface ShellTrayOptions<M> {
  createTray(): TrayLike<M>;
  buildMenu(items: TrayMenuItem[]): M;
  /** Opens or focuses the window. */
  open(): void;
  /** One check now: the number of releases available, or null when nobody is signed in. */
  checkNow(): Promise<number | null>;
  quit(): void;
  platform: NodeJS.Platform;
  /** The app's language now; English when not given. */
  locale?: () => DisplayLocale;
  logger: Logger;
}

type State =
  | { kind: 'idle' }
  | { kind: 'count'; count: number }
  | { kind: 'checking' }
  | { kind: 'signed-out' }
  | { kind: 'failed' };

export function updatesAvailableText(count: number, locale: DisplayLocale = 'en'): string {
  return translator(locale)('desktop.tray.updatesAvailable', { count });
}

function statusLine(state: State, lastCount: number | null, t: Translate): string | null {
  switch (state.kind) {
    case 'count':
      return t('desktop.tray.updatesAvailable', { count: state.count });
    case 'checking':
      return t('desktop.tray.checking');
    case 'signed-out':
      return t('desktop.tray.signedOut');
    case 'failed':
      // What was known before the failed check still holds.
      return lastCount === null ? t('desktop.tray.failed') : t('desktop.tray.failedKnown', { count: lastCount });
    case 'idle':
      return null;
  }
}

export class ShellTray<M> {
  private readonly tray: TrayLike<M>;
  private state: State = { kind: 'idle' };
  private lastCount: number | null = null;
  private disposed = false;

  constructor(private readonly options: ShellTrayOptions<M>) {
    this.tray = options.createTray();
    this.tray.on('click', () => options.open());
    this.render();
  }

  /** The number of releases available now (a background check's announcement, or the user's own check). */
  showCount(count: number): void {
    this.lastCount = count;
    this.state = { kind: 'count', count };
    this.render();
  }

  /** Checks now; a second click while a check runs does nothing. */
  async checkNow(): Promise<void> {
    if (this.state.kind === 'checking') return;
    this.state = { kind: 'checking' };
    this.render();
    try {
      const count = await this.options.checkNow();
      if (count === null) {
        this.state = { kind: 'signed-out' };
        this.render();
        // The window is where one signs in.
        this.options.open();
        return;
      }
      this.showCount(count);
    } catch (error) {
      this.options.logger.warn('the check from the tray failed', { error: String(error) });
      this.state = { kind: 'failed' };
      this.render();
    }
  }

  /** Draws the tray again, in the language the app speaks now (after the Language setting changed). */
  refresh(): void {
    this.render();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.tray.destroy();
  }

  private render(): void {
    if (this.disposed) return;
    const t = translator(this.options.locale?.() ?? 'en');
    const app = t('desktop.appTitle');
    const status = statusLine(this.state, this.lastCount, t);
    this.tray.setToolTip(status === null ? app : t('desktop.tray.tooltip', { app, status }));
    if (this.options.platform === 'darwin') {
      const count = this.state.kind === 'count' ? this.state.count : (this.lastCount ?? 0);
      this.tray.setTitle(count > 0 ? String(count) : '');
    }
    // Rebuilt on every change: Linux shows a menu's new labels only when the menu is set again.
    const checking = this.state.kind === 'checking';
    this.tray.setContextMenu(
      this.options.buildMenu([
        ...(status === null ? [] : [{ label: status, enabled: false }, { type: 'separator' as const }]),
        { label: t('desktop.tray.open', { app }), click: () => this.options.open() },
        {
          label: checking ? t('desktop.tray.checkingShort') : t('desktop.tray.checkNow'),
          enabled: !checking,
          click: () => void this.checkNow(),
        },
        { type: 'separator' },
        { label: t('desktop.tray.quit'), click: () => this.options.quit() },
      ]),
    );
  }
}
