/**
 * The app's keyboard shortcuts (shared/shortcuts.ts) on the page's side: which shortcut a key press is, and what
 * it does for the signed-in role. A shortcut to a section the role does not have does nothing, rather than
 * dropping the user on another screen.
 */
import type { Role } from '../../../shared/domain/request-state.js';
import { SHORTCUTS, type ShortcutId } from '../../../shared/shortcuts.js';
import { navItemsFor, type Section } from './nav.js';
import { hrefOf } from './routes.js';

/** The parts of a KeyboardEvent a shortcut is told by. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The shortcut `press` is, if any; `mac` decides whether CmdOrCtrl is ⌘ or Ctrl. */
export function shortcutOf(press: KeyPress, mac: boolean): ShortcutId | null {
  for (const s of SHORTCUTS) {
    const parts = s.accelerator.split('+');
    const key = parts[parts.length - 1] ?? '';
    const command = parts.includes('CmdOrCtrl');
    const matches =
      press.key.toLowerCase() === key.toLowerCase() &&
      (mac ? press.metaKey : press.ctrlKey) === command &&
      (mac ? press.ctrlKey : press.metaKey) === false &&
      press.shiftKey === parts.includes('Shift') &&
      press.altKey === parts.includes('Alt');
    if (matches) return s.id;
  }
  return null;
}

export type ShortcutAction = { kind: 'go'; href: string } | { kind: 'check-updates'; href: string };

const SECTION_OF: Record<Exclude<ShortcutId, 'updates.check' | 'requests.new'>, Section> = {
  'go.overview': 'overview',
  'go.systems': 'systems',
  'go.downloads': 'downloads',
  'go.requests': 'requests',
  'go.workspace': 'workspace',
  'go.settings': 'settings',
};

/** What the shortcut does for `role` (null: signed out), or null when it is not for this role. */
export function shortcutAction(id: ShortcutId, role: Role | null): ShortcutAction | null {
  const has = (section: Section) => navItemsFor(role).some((i) => i.section === section);
  switch (id) {
    case 'updates.check':
      return has('systems') ? { kind: 'check-updates', href: hrefOf({ name: 'systems' }) } : null;
    case 'requests.new':
      return has('requests') ? { kind: 'go', href: hrefOf({ name: 'request-new' }) } : null;
    default: {
      const section = SECTION_OF[id];
      return has(section) ? { kind: 'go', href: hrefOf({ name: section }) } : null;
    }
  }
}

/** Whether the page runs on a Mac, where CmdOrCtrl is ⌘. */
export function onMac(userAgent: string): boolean {
  return /Mac|iPhone|iPad/.test(userAgent);
}
