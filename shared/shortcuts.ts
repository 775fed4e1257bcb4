/**
 * The keyboard shortcuts of the app's main actions, declared once: the Electron shell shows them in its menu, the
 * renderer handles the keys (so the web host has them too) and lists them on the Settings screen. An accelerator is
 * written as Electron writes it; `CmdOrCtrl` is ⌘ on macOS and Ctrl elsewhere.
 */
export const SHORTCUTS = [
  { id: 'go.overview', accelerator: 'CmdOrCtrl+1', label: 'Overview' },
  { id: 'go.systems', accelerator: 'CmdOrCtrl+2', label: 'Systems & updates' },
  { id: 'go.downloads', accelerator: 'CmdOrCtrl+3', label: 'Downloads' },
  { id: 'go.requests', accelerator: 'CmdOrCtrl+4', label: 'Requests' },
  { id: 'go.workspace', accelerator: 'CmdOrCtrl+5', label: 'Engineer workspace' },
  { id: 'go.settings', accelerator: 'CmdOrCtrl+,', label: 'Settings' },
  { id: 'updates.check', accelerator: 'CmdOrCtrl+Shift+U', label: 'Check for updates' },
  { id: 'requests.new', accelerator: 'CmdOrCtrl+N', label: 'New service request' },
] as const;

export type Shortcut = (typeof SHORTCUTS)[number];
export type ShortcutId = Shortcut['id'];

export const SHORTCUT_IDS = SHORTCUTS.map((s) => s.id) as [ShortcutId, ...ShortcutId[]];

export function shortcut(id: ShortcutId): Shortcut {
  const found = SHORTCUTS.find((s) => s.id === id);
  if (found === undefined) throw new TypeError(`no shortcut ${id}`);
  return found;
}

/** The keys of an accelerator as a person reads them: "Ctrl+Shift+U", or "⌘⇧U" on a Mac. */
export function keysText(accelerator: string, mac: boolean): string {
  const parts = accelerator.split('+');
  if (!mac) return parts.map((p) => (p === 'CmdOrCtrl' ? 'Ctrl' : p)).join('+');
  const symbols: Record<string, string> = { CmdOrCtrl: '⌘', Shift: '⇧', Alt: '⌥' };
  return parts.map((p) => symbols[p] ?? p).join('');
}
