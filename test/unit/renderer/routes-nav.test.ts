import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, type Route } from '../../../renderer/src/lib/routes.js';
import { navItemsFor, resolveRoute } from '../../../renderer/src/lib/nav.js';

describe('hash routes', () => {
  it('every screen has an address that reads back as the same screen, whatever the serial numbers and package names contain', () => {
    const routes: Route[] = [
      { name: 'overview' },
      { name: 'systems' },
      { name: 'system', serialNumber: 'NW-ATL/0001' },
      { name: 'downloads' },
      { name: 'install', serialNumber: 'NW-COB-0001', targetName: 'cobalt/4.2.1/linux-x64/cobalt-4.2.1-linux-x64.tar.gz' },
      { name: 'requests' },
      { name: 'request-draft', failureId: 'f 1?#' },
      { name: 'request-new' },
      { name: 'request-new', serialNumber: 'NW-ATL/0001' },
      { name: 'request-new', outboxKey: '0b7c4e1e-2f5a-4c1e-9a65-0d2a1b3c4d5e' },
      { name: 'request', id: 'req_1' },
      { name: 'workspace' },
      { name: 'workspace-request', id: 'req_2' },
      { name: 'settings' },
      { name: 'sign-in' },
    ];
    for (const r of routes) expect(parseRoute(hrefOf(r))).toEqual(r);
  });

  it('an empty, unknown or malformed address opens the home screen or the list it belongs to', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/nonsense/1')).toEqual({ name: 'home' });
    // The web host's token fragment is not a route.
    expect(parseRoute('#token=abc')).toEqual({ name: 'home' });
    expect(parseRoute('#/systems/%E0%A4%A')).toEqual({ name: 'systems' });
    expect(parseRoute('#/install/NW-1')).toEqual({ name: 'systems' });
    expect(parseRoute('#/requests/new/')).toEqual({ name: 'requests' });
    expect(parseRoute('#/requests/edit/')).toEqual({ name: 'requests' });
  });
});

describe('what each role may open', () => {
  it('customer admins see everything about their contract; IT staff the same without requests; engineers their workspace and no contracts', () => {
    expect(navItemsFor('customer-admin').map((i) => i.label)).toEqual(['Overview', 'Systems & updates', 'Downloads', 'Requests', 'Settings']);
    expect(navItemsFor('it-staff').map((i) => i.label)).toEqual(['Overview', 'Systems & updates', 'Downloads', 'Settings']);
    expect(navItemsFor('engineer').map((i) => i.label)).toEqual(['Engineer workspace', 'Settings']);
    expect(navItemsFor(null).map((i) => i.label)).toEqual(['Settings']);
  });

  it('a screen the role may not open falls back to the role’s first screen; signed out, everything but settings asks to sign in', () => {
    expect(resolveRoute({ name: 'requests' }, 'it-staff')).toEqual({ name: 'overview' });
    expect(resolveRoute({ name: 'request', id: 'r1' }, 'it-staff')).toEqual({ name: 'overview' });
    expect(resolveRoute({ name: 'overview' }, 'engineer')).toEqual({ name: 'workspace' });
    expect(resolveRoute({ name: 'system', serialNumber: 'S1' }, 'engineer')).toEqual({ name: 'workspace' });
    expect(resolveRoute({ name: 'home' }, 'customer-admin')).toEqual({ name: 'overview' });
    expect(resolveRoute({ name: 'install', serialNumber: 'S', targetName: 't' }, 'customer-admin')).toEqual({ name: 'install', serialNumber: 'S', targetName: 't' });
    expect(resolveRoute({ name: 'overview' }, null)).toEqual({ name: 'sign-in' });
    expect(resolveRoute({ name: 'settings' }, null)).toEqual({ name: 'settings' });
  });
});
