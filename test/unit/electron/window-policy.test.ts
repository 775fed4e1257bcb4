/** The window's security settings, navigation rules and app:// path mapping. */
import { describe, expect, it } from 'vitest';
import {
  appUrlToRelativePath,
  navigationDecision,
  secureWebPreferences,
} from '../../../electron/main/window-policy.js';

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/opt/hicare/preload.cjs');

  it('isolates and sandboxes the page and gives it no Node', () => {
    expect(prefs).toMatchObject({
      preload: '/opt/hicare/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and the risky features off', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('gives no developer tools unless asked for (development only)', () => {
    expect(prefs.devTools).toBe(false);
    expect(secureWebPreferences('a', { devTools: true }).devTools).toBe(true);
  });

  it('returns a fresh object each time', () => {
    expect(secureWebPreferences('a')).not.toBe(secureWebPreferences('a'));
    expect(secureWebPreferences('b').preload).toBe('b');
  });
});

describe('navigationDecision', () => {
  // Only what the allow-list lets out opens in the browser (external-links.ts decides; here a stand-in for it).
  const vendorOnly = (url: string) => url.toLowerCase().startsWith('https://portal.example.com/');

  it.each<[string, 'allow' | 'open-externally' | 'deny']>([
    ['app://hicare/index.html', 'allow'],
    ['app://hicare/settings?tab=proxy#top', 'allow'],
    ['app://hicare/', 'allow'],
    ['https://portal.example.com/contracts', 'open-externally'],
    ['HTTPS://PORTAL.EXAMPLE.COM/', 'open-externally'],
    ['https://evil.example/phish', 'deny'],
    ['http://portal.example.com/', 'deny'],
    ['http://localhost:5173/', 'deny'],
    ['file:///etc/passwd', 'deny'],
    ['javascript:alert(1)', 'deny'],
    ['JavaScript:alert(1)', 'deny'],
    ['data:text/html,<script>alert(1)</script>', 'deny'],
    ['blob:app://hicare/1234', 'deny'],
    ['app://other/index.html', 'deny'],
    ['app://hicare.evil.example/', 'deny'],
    ['mailto:support@example.com', 'deny'],
    ['ftp://files.example.com/', 'deny'],
    ['not a url', 'deny'],
    ['', 'deny'],
    ['//evil.example/', 'deny'],
    ['/index.html', 'deny'],
  ])('%j → %s', (url, expected) => {
    expect(navigationDecision(url, vendorOnly)).toBe(expected);
  });
});

describe('appUrlToRelativePath', () => {
  it.each<[string, string]>([
    ['app://hicare/', 'index.html'],
    ['app://hicare', 'index.html'],
    ['app://hicare/index.html', 'index.html'],
    ['app://hicare/assets/x.js', 'assets/x.js'],
    ['app://hicare/assets/x.js?v=3#frag', 'assets/x.js'],
    ['app://hicare/assets/my%20file.css', 'assets/my file.css'],
    ['app://hicare/a/./b.js', 'a/b.js'],
    // leading slashes are dropped, so an encoded absolute path stays under the renderer directory
    ['app://hicare/%2F%2Fetc/passwd', 'etc/passwd'],
  ])('%s → %s', (url, expected) => {
    expect(appUrlToRelativePath(url)).toBe(expected);
  });

  it.each([
    'app://hicare/..%2F..%2Fetc/passwd',
    'app://hicare/..%2f..%2fetc%2fpasswd',
    'app://hicare/assets/..%2F..%2F..%2Fetc/passwd',
    'app://hicare/..%5C..%5Cwindows%5Csystem32',
    'app://hicare/assets%5C..%5C..%5Csecret',
    'app://hicare/%2E%2E%2Fsecret',
    'app://hicare/index.html%00.png',
    'app://hicare/%00',
    'app://hicare/assets//x.js',
    'app://hicare/assets/',
  ])('refuses %s', (url) => {
    expect(appUrlToRelativePath(url)).toBeNull();
  });

  it.each(['app://hicare/%E0%A4%A', 'app://hicare/%', 'app://hicare/%ZZ'])(
    'refuses the malformed encoding %s',
    (url) => {
      expect(appUrlToRelativePath(url)).toBeNull();
    },
  );

  it.each([
    'app://other/index.html',
    'app://hicare.evil.example/index.html',
    'https://hicare/index.html',
    'file:///etc/passwd',
    'http://127.0.0.1/index.html',
    'not a url',
    '',
  ])('refuses %s (not the app origin)', (url) => {
    expect(appUrlToRelativePath(url)).toBeNull();
  });

  it('never returns a path that leaves the directory', () => {
    const samples = ['..', '%2e%2e', '%2E%2E%2F', '..%2F', '%5C..', '..%5C', 'a%2F..%2F..', '%2F', '%00'];
    for (const a of samples) {
      for (const b of samples) {
        const rel = appUrlToRelativePath(`app://hicare/x/${a}/${b}/y`);
        if (rel === null) continue;
        expect(rel.split(/[\\/]/)).not.toContain('..');
        expect(rel.startsWith('/')).toBe(false);
        expect(rel.includes('\0')).toBe(false);
      }
    }
  });
});
