/**
 * Electron's security checklist as data and small functions, kept apart from `electron` so tests can check them:
 * the page gets no Node, runs sandboxed and isolated, may not navigate, open windows or ask for permissions.
 */
import { isAppFrame } from './ipc-wiring.js';

export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

/** Navigation stays inside the app; links to the outside world open in the user's browser only if they are https. */
export function navigationDecision(url: string): 'allow' | 'open-externally' | 'deny' {
  if (isAppFrame(url)) return 'allow';
  try {
    return new URL(url).protocol === 'https:' ? 'open-externally' : 'deny';
  } catch {
    return 'deny';
  }
}

/** Maps an app:// URL to a file under the renderer directory, refusing anything that would leave it. */
export function appUrlToRelativePath(url: string): string | null {
  if (!isAppFrame(url)) return null;
  const { pathname } = new URL(url);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (relative.split(/[\\/]/).some((part) => part === '..' || part === '') || relative.includes('\0')) return null;
  return relative;
}
