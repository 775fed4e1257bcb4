/**
 * The tray icon: says how many updates are available (tooltip, the first line of its menu and, on macOS, the title
 * next to the icon), opens the window when clicked, and offers Open, Check now and Quit. Electron's Tray and Menu
 * are passed in, so the tray is tested without Electron.
 */
import type { Logger } from '../core/adapters.js';
import { APP_TITLE } from './app-window.js';

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
  logger: Logger;
}

type State =
  | { kind: 'idle' }
  | { kind: 'count'; count: number }
  | { kind: 'checking' }
  | { kind: 'signed-out' }
  | { kind: 'failed' };

export function updatesAvailableText(count: number): string {
  if (count === 0) return 'No updates available';
  return count === 1 ? '1 update available' : `${count} updates available`;
}

function statusLine(state: State, lastCount: number | null): string | null {
  switch (state.kind) {
    case 'count':
      return updatesAvailableText(state.count);
    case 'checking':
      return 'Checking for updates…';
    case 'signed-out':
      return 'Sign in to check for updates';
    case 'failed':
      // What was known before the failed check still holds.
      return lastCount === null
        ? 'Could not check for updates'
        : `${updatesAvailableText(lastCount)} (the last check failed)`;
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

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.tray.destroy();
  }

  private render(): void {
    if (this.disposed) return;
    const status = statusLine(this.state, this.lastCount);
    this.tray.setToolTip(status === null ? APP_TITLE : `${APP_TITLE}: ${status}`);
    if (this.options.platform === 'darwin') {
      const count = this.state.kind === 'count' ? this.state.count : (this.lastCount ?? 0);
      this.tray.setTitle(count > 0 ? String(count) : '');
    }
    // Rebuilt on every change: Linux shows a menu's new labels only when the menu is set again.
    const checking = this.state.kind === 'checking';
    this.tray.setContextMenu(
      this.options.buildMenu([
        ...(status === null ? [] : [{ label: status, enabled: false }, { type: 'separator' as const }]),
        { label: `Open ${APP_TITLE}`, click: () => this.options.open() },
        { label: checking ? 'Checking…' : 'Check now', enabled: !checking, click: () => void this.checkNow() },
        { type: 'separator' },
        { label: 'Quit', click: () => this.options.quit() },
      ]),
    );
  }
}
