/**
 * Hash routes: every screen has an address (`#/systems/SN-1`) so the back button, reloads and links work and the
 * E2E suite can open a screen directly. The web host's `#token=` fragment is read and removed before routing starts.
 */

export type Route =
  | { name: 'sign-in' }
  | { name: 'overview' }
  | { name: 'systems' }
  | { name: 'system'; serialNumber: string }
  | { name: 'downloads' }
  | { name: 'install'; serialNumber: string; targetName: string }
  | { name: 'upgrade'; serialNumber: string; version: string }
  | { name: 'requests' }
  | { name: 'request-draft'; failureId: string }
  /** A request the customer opens: for a system (preselected), or a refused one from the outbox to correct. */
  | { name: 'request-new'; serialNumber?: string; outboxKey?: string }
  | { name: 'request'; id: string }
  | { name: 'workspace' }
  | { name: 'workspace-request'; id: string }
  | { name: 'settings' }
  | { name: 'home' };

function decode(part: string | undefined): string | null {
  if (part === undefined || part === '') return null;
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '').split('?')[0] ?? '';
  const parts = path.split('/');
  const [head, a, b] = parts;
  switch (head) {
    case 'sign-in':
      return { name: 'sign-in' };
    case 'overview':
      return { name: 'overview' };
    case 'systems': {
      const serialNumber = decode(a);
      return serialNumber === null ? { name: 'systems' } : { name: 'system', serialNumber };
    }
    case 'downloads':
      return { name: 'downloads' };
    case 'install': {
      const serialNumber = decode(a);
      const targetName = decode(b);
      return serialNumber !== null && targetName !== null ? { name: 'install', serialNumber, targetName } : { name: 'systems' };
    }
    case 'upgrade': {
      const serialNumber = decode(a);
      const version = decode(b);
      return serialNumber !== null && version !== null ? { name: 'upgrade', serialNumber, version } : { name: 'systems' };
    }
    case 'requests': {
      if (a === 'open') {
        const serialNumber = decode(b);
        return serialNumber === null ? { name: 'request-new' } : { name: 'request-new', serialNumber };
      }
      if (a === 'edit') {
        const outboxKey = decode(b);
        return outboxKey === null ? { name: 'requests' } : { name: 'request-new', outboxKey };
      }
      if (a === 'new') {
        const failureId = decode(b);
        return failureId === null ? { name: 'requests' } : { name: 'request-draft', failureId };
      }
      const id = decode(a);
      return id === null ? { name: 'requests' } : { name: 'request', id };
    }
    case 'workspace': {
      const id = decode(a);
      return id === null ? { name: 'workspace' } : { name: 'workspace-request', id };
    }
    case 'settings':
      return { name: 'settings' };
    default:
      return { name: 'home' };
  }
}

const enc = encodeURIComponent;

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'system':
      return `#/systems/${enc(route.serialNumber)}`;
    case 'install':
      return `#/install/${enc(route.serialNumber)}/${enc(route.targetName)}`;
    case 'upgrade':
      return `#/upgrade/${enc(route.serialNumber)}/${enc(route.version)}`;
    case 'request-draft':
      return `#/requests/new/${enc(route.failureId)}`;
    case 'request-new':
      if (route.outboxKey !== undefined) return `#/requests/edit/${enc(route.outboxKey)}`;
      return route.serialNumber === undefined ? '#/requests/open' : `#/requests/open/${enc(route.serialNumber)}`;
    case 'request':
      return `#/requests/${enc(route.id)}`;
    case 'workspace-request':
      return `#/workspace/${enc(route.id)}`;
    default:
      return `#/${route.name}`;
  }
}
