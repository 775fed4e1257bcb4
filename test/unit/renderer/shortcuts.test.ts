/** The keyboard shortcuts as the page handles them: which key is which shortcut, and what it does for each role. */
import { describe, expect, it } from 'vitest';
import { keysText, SHORTCUTS } from '../../../shared/shortcuts.js';
import { onMac, shortcutAction, shortcutOf, type KeyPress } from '../../../renderer/src/lib/shortcuts.js';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcutOf', () => {
  it.each<[KeyPress, boolean, string | null]>([
    [press('2', { ctrlKey: true }), false, 'go.systems'],
    [press('2', { metaKey: true }), true, 'go.systems'],
    // Ctrl on a Mac and ⌘ elsewhere are other keys
    [press('2', { ctrlKey: true }), true, null],
    [press('2', { metaKey: true }), false, null],
    [press('U', { ctrlKey: true, shiftKey: true }), false, 'updates.check'],
    [press('u', { ctrlKey: true, shiftKey: true }), false, 'updates.check'],
    [press('u', { ctrlKey: true }), false, null],
    [press('n', { ctrlKey: true }), false, 'requests.new'],
    [press('N', { ctrlKey: true, shiftKey: true }), false, null],
    [press(',', { metaKey: true }), true, 'go.settings'],
    [press('1', { ctrlKey: true, altKey: true }), false, null],
    // typing in a field is never a shortcut
    [press('n'), false, null],
    [press('1'), false, null],
  ])('%j (mac: %s) → %s', (key, mac, expected) => {
    expect(shortcutOf(key, mac)).toBe(expected);
  });

  it('tells every declared shortcut apart by its keys', () => {
    for (const mac of [false, true]) {
      for (const s of SHORTCUTS) {
        const parts = s.accelerator.split('+');
        const key = press(parts[parts.length - 1]!, {
          [mac ? 'metaKey' : 'ctrlKey']: parts.includes('CmdOrCtrl'),
          shiftKey: parts.includes('Shift'),
        });
        expect(shortcutOf(key, mac)).toBe(s.id);
      }
    }
  });
});

describe('shortcutAction', () => {
  it('takes a customer admin to each of their sections and to a new request', () => {
    expect(shortcutAction('go.overview', 'customer-admin')).toEqual({ kind: 'go', href: '#/overview' });
    expect(shortcutAction('go.downloads', 'customer-admin')).toEqual({ kind: 'go', href: '#/downloads' });
    expect(shortcutAction('requests.new', 'customer-admin')).toEqual({ kind: 'go', href: '#/requests/open' });
    expect(shortcutAction('updates.check', 'customer-admin')).toEqual({ kind: 'check-updates', href: '#/systems' });
  });

  it('does nothing for a section the role does not have', () => {
    expect(shortcutAction('requests.new', 'it-staff')).toBeNull();
    expect(shortcutAction('go.workspace', 'customer-admin')).toBeNull();
    expect(shortcutAction('go.systems', 'engineer')).toBeNull();
    expect(shortcutAction('go.workspace', 'engineer')).toEqual({ kind: 'go', href: '#/workspace' });
  });

  it('signed out, only Settings is reachable', () => {
    const reachable = SHORTCUTS.filter((s) => shortcutAction(s.id, null) !== null).map((s) => s.id);
    expect(reachable).toEqual(['go.settings']);
  });
});

describe('how the keys are shown', () => {
  it('as Ctrl on Windows and Linux and as symbols on a Mac', () => {
    expect(keysText('CmdOrCtrl+Shift+U', false)).toBe('Ctrl+Shift+U');
    expect(keysText('CmdOrCtrl+Shift+U', true)).toBe('⌘⇧U');
    expect(keysText('CmdOrCtrl+,', true)).toBe('⌘,');
  });

  it('knows a Mac by its user agent', () => {
    expect(onMac('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36')).toBe(true);
    expect(onMac('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36')).toBe(false);
    expect(onMac('Mozilla/5.0 (Windows NT 10.0; Win64; x64)')).toBe(false);
  });
});
