/**
 * The keyboard shortcuts at work: keys pressed in the page (the desktop app and the web host alike) and the same
 * commands picked in the desktop app's menu (the 'shell.command' event) go through one path.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { Role } from '../../../shared/domain/request-state.js';
import type { ShortcutId } from '../../../shared/shortcuts.js';
import { onMac, shortcutAction, shortcutOf } from '../lib/shortcuts.js';
import { navigate, useApiEvent } from './hooks.js';
import { updatesResource } from './resources.js';

export function useShortcuts(role: Role | null): void {
  const currentRole = useRef(role);
  useEffect(() => {
    currentRole.current = role;
  });

  const run = useCallback((id: ShortcutId): boolean => {
    const action = shortcutAction(id, currentRole.current);
    if (action === null) return false;
    navigate(action.href);
    // A check already running is joined, not started again.
    if (action.kind === 'check-updates') void updatesResource.refresh();
    return true;
  }, []);

  useEffect(() => {
    const mac = onMac(navigator.userAgent);
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const id = shortcutOf(event, mac);
      if (id !== null && run(id)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run]);

  useApiEvent('shell.command', ({ command }) => void run(command));
}
