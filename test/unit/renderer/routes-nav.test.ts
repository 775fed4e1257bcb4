import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { navItemsFor, resolveRoute, sectionOf } from '../../../renderer/src/lib/nav.js';
import { hrefOf, parseRoute, type Route, type RouteName, type RouteOf } from '../../../renderer/src/lib/routes.js';
import { translate } from '../../../shared/i18n/translator.js';

/** Any non-empty text a serial number, package name or id could hold: slashes, `?`, `#`, `%`, spaces, any script. */
const word = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
/** Request ids come from the portal (`req_…`); the words naming the request forms are never one. */
const requestId = word.filter((w) => !['open', 'edit', 'new'].includes(w));

/** One generator per route name: a route added without one fails to compile here. */
const ROUTES: { [N in RouteName]: fc.Arbitrary<RouteOf<N>> } = {
  home: fc.constant({ name: 'home' }),
  'sign-in': fc.constant({ name: 'sign-in' }),
  overview: fc.constant({ name: 'overview' }),
  systems: fc.constant({ name: 'systems' }),
  system: word.map((serialNumber) => ({ name: 'system', serialNumber })),
  downloads: fc.constant({ name: 'downloads' }),
  install: fc.tuple(word, word).map(([serialNumber, targetName]) => ({ name: 'install', serialNumber, targetName })),
  upgrade: fc.tuple(word, word).map(([serialNumber, version]) => ({ name: 'upgrade', serialNumber, version })),
  requests: fc.constant({ name: 'requests' }),
  'request-draft': word.map((failureId) => ({ name: 'request-draft', failureId })),
  'request-new': fc.oneof(
    fc.constant({ name: 'request-new' as const }),
    word.map((serialNumber) => ({ name: 'request-new' as const, serialNumber })),
    word.map((outboxKey) => ({ name: 'request-new' as const, outboxKey })),
  ),
  request: requestId.map((id) => ({ name: 'request', id })),
  workspace: fc.constant({ name: 'workspace' }),
  'workspace-request': word.map((id) => ({ name: 'workspace-request', id })),
  console: fc.oneof(
    fc.constant({ name: 'console' as const }),
    word.map((area) => ({ name: 'console' as const, area })),
    fc.tuple(word, word).map(([area, id]) => ({ name: 'console' as const, area, id })),
  ),
  settings: fc.constant({ name: 'settings' }),
};
const anyRoute: fc.Arbitrary<Route> = fc.oneof(...Object.values(ROUTES));

describe('hash routes', () => {
  it('every screen has an address that reads back as the same screen, whatever the serial numbers and names contain', () => {
    fc.assert(
      fc.property(anyRoute, (route) => {
        expect(parseRoute(hrefOf(route))).toEqual(route);
      }),
      { numRuns: 1000 },
    );
  });

  // The addresses the E2E suite, the shell's deep links and bookmarks use: they must keep working as written.
  it.each<[string, Route]>([
    ['#/', { name: 'home' }],
    ['#/sign-in', { name: 'sign-in' }],
    ['#/overview', { name: 'overview' }],
    ['#/systems', { name: 'systems' }],
    ['#/systems/NW-COB-0001', { name: 'system', serialNumber: 'NW-COB-0001' }],
    ['#/systems/NW-ATL%2F0001', { name: 'system', serialNumber: 'NW-ATL/0001' }],
    ['#/downloads', { name: 'downloads' }],
    [
      '#/install/NW-1/cobalt%2F4.2.1%2Fa.tar.gz',
      { name: 'install', serialNumber: 'NW-1', targetName: 'cobalt/4.2.1/a.tar.gz' },
    ],
    ['#/upgrade/NW-1/4.0.0', { name: 'upgrade', serialNumber: 'NW-1', version: '4.0.0' }],
    ['#/requests', { name: 'requests' }],
    ['#/console', { name: 'console' }],
    ['#/console/contracts/C-1', { name: 'console', area: 'contracts', id: 'C-1' }],
    ['#/requests/req_1', { name: 'request', id: 'req_1' }],
    ['#/requests/new/f1', { name: 'request-draft', failureId: 'f1' }],
    ['#/requests/open', { name: 'request-new' }],
    ['#/requests/open/NW-1', { name: 'request-new', serialNumber: 'NW-1' }],
    ['#/requests/edit/k1', { name: 'request-new', outboxKey: 'k1' }],
    ['#/workspace', { name: 'workspace' }],
    ['#/workspace/req_2', { name: 'workspace-request', id: 'req_2' }],
    ['#/settings', { name: 'settings' }],
    ['#/systems/NW-1?tab=history', { name: 'system', serialNumber: 'NW-1' }],
  ])('%s opens %o', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(hrefOf(route)).toBe(hash.split('?')[0]);
  });

  it.each<[string, Route]>([
    ['', { name: 'home' }],
    ['#/nonsense/1', { name: 'home' }],
    // The web host's token fragment is not a route.
    ['#token=abc', { name: 'home' }],
    ['#/systems/%E0%A4%A', { name: 'systems' }],
    ['#/systems/', { name: 'systems' }],
    ['#/install/NW-1', { name: 'systems' }],
    ['#/upgrade//4.0.0', { name: 'systems' }],
    ['#/requests/new/', { name: 'requests' }],
    ['#/requests/edit/', { name: 'requests' }],
    ['#/workspace/', { name: 'workspace' }],
  ])('the broken or unknown address %j opens %o: the list it belongs to, else home', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });
});

describe('sidebar sections', () => {
  it.each<[Route, string | null]>([
    [{ name: 'install', serialNumber: 'S', targetName: 't' }, 'systems'],
    [{ name: 'upgrade', serialNumber: 'S', version: '2.0.0' }, 'systems'],
    [{ name: 'system', serialNumber: 'S' }, 'systems'],
    [{ name: 'request-new', outboxKey: 'k' }, 'requests'],
    [{ name: 'request-draft', failureId: 'f' }, 'requests'],
    [{ name: 'workspace-request', id: 'r' }, 'workspace'],
    [{ name: 'sign-in' }, null],
    [{ name: 'home' }, null],
  ])('%o is shown under %s', (route, section) => {
    expect(sectionOf(route)).toBe(section);
  });

  it('each sidebar link opens its section’s list', () => {
    for (const item of navItemsFor('customer-admin')) expect(sectionOf(parseRoute(item.href))).toBe(item.section);
    expect(navItemsFor('engineer').map((i) => i.href)).toEqual(['#/workspace', '#/settings']);
  });
});

describe('what each role may open', () => {
  it('customer admins see everything about their contract; IT staff the same without requests; engineers their workspace and no contracts', () => {
    expect(navItemsFor('customer-admin').map((i) => translate('en', i.labelKey))).toEqual([
      'Overview',
      'Systems & updates',
      'Downloads',
      'Requests',
      'Settings',
    ]);
    expect(navItemsFor('it-staff').map((i) => translate('en', i.labelKey))).toEqual([
      'Overview',
      'Systems & updates',
      'Downloads',
      'Settings',
    ]);
    expect(navItemsFor('engineer').map((i) => translate('en', i.labelKey))).toEqual(['Engineer workspace', 'Settings']);
    expect(navItemsFor(null).map((i) => translate('en', i.labelKey))).toEqual(['Settings']);
  });

  it('a screen the role may not open falls back to the role’s first screen; signed out, everything but settings asks to sign in', () => {
    expect(resolveRoute({ name: 'requests' }, 'it-staff')).toEqual({ name: 'overview' });
    expect(resolveRoute({ name: 'request', id: 'r1' }, 'it-staff')).toEqual({ name: 'overview' });
    expect(resolveRoute({ name: 'overview' }, 'engineer')).toEqual({ name: 'workspace' });
    expect(resolveRoute({ name: 'system', serialNumber: 'S1' }, 'engineer')).toEqual({ name: 'workspace' });
    expect(resolveRoute({ name: 'home' }, 'customer-admin')).toEqual({ name: 'overview' });
    expect(resolveRoute({ name: 'install', serialNumber: 'S', targetName: 't' }, 'customer-admin')).toEqual({
      name: 'install',
      serialNumber: 'S',
      targetName: 't',
    });
    expect(resolveRoute({ name: 'overview' }, null)).toEqual({ name: 'sign-in' });
    expect(resolveRoute({ name: 'settings' }, null)).toEqual({ name: 'settings' });
  });
});
