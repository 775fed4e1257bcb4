/**
 * The renderer's API client. In Electron the preload puts a bridge on `window.hicare`; in a browser the web host
 * serves the same API over HTTP and SSE with the per-launch token from the URL fragment. Either way the UI sees
 * one typed client derived from the shared contract.
 */
import { createClient, type Transport } from '../../shared/api/define.js';
import { appApi } from '../../shared/contracts/app-api.js';

declare global {
  interface Window {
    hicare?: Transport;
  }
}

const TOKEN_KEY = 'hicare.webHostToken';

function webToken(): string {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash !== null) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    // Keep the token out of the address bar, history and screenshots.
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function webTransport(): Transport {
  const token = webToken();
  let source: EventSource | null = null;
  return {
    async invoke(method, input) {
      const res = await fetch(`/api/call/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      return res.json();
    },
    subscribe(event, listener) {
      source ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      const handler = (e: MessageEvent<string>) => listener(JSON.parse(e.data));
      source.addEventListener(event, handler);
      return () => source?.removeEventListener(event, handler);
    },
  };
}

export const api = createClient(appApi, window.hicare ?? webTransport());
