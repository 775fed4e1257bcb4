/**
 * Electron's security checklist as data and small functions, kept apart from `electron` so tests can check them:
 * the page gets no Node, runs sandboxed and isolated, may not navigate, open windows or ask for permissions.
 */
import { isAppFrame } from './ipc-wiring.js';

/** `devTools`: only in development; a packaged app cannot open them at all, menu or not. */
export function secureWebPreferences(preloadPath: string, { devTools = false }: { devTools?: boolean } = {}) {
  return {
    preload: preloadPath,
    devTools,
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

/**
 * Navigation stays inside the app; a link to the outside world opens in the user's browser only if
 * `mayOpenExternally` allows it (external-links.ts: https to the vendor's hosts).
 */
export function navigationDecision(
  url: string,
  mayOpenExternally: (url: string) => boolean,
): 'allow' | 'open-externally' | 'deny' {
  if (isAppFrame(url)) return 'allow';
  return mayOpenExternally(url) ? 'open-externally' : 'deny';
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
