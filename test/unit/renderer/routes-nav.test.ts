import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { navItemsFor, resolveRoute, sectionOf } from '../../../renderer/src/lib/nav.js';
import { hrefOf, parseRoute, type Route, type RouteName, type RouteOf } from '../../../renderer/src/lib/routes.js';
import { translate } from '../../../shared/i18n/translator.js';

/** Any non-empty text a serial number, package name or id could hold: slashes, `?`, `#`, `%`, spaces, any script. */
const word = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
/** Request ids come from the portal (`req_…`); the words naming the request forms are never one. */
const requestId = word.filter((w) => !['open', 'edit', 'new'].includes(w));

/** Some of the named fields, each present or absent (never present and undefined). */
function optional<K extends string>(fields: Record<K, fc.Arbitrary<string>>): fc.Arbitrary<{ [P in K]?: string }> {
  return fc.record(fields, { requiredKeys: [] });
}

/** One generator per route name: a route added without one fails to compile here. */
const ROUTES: { [N in RouteName]: fc.Arbitrary<RouteOf<N>> } = {
  home: fc.constant({ name: 'home' }),
  'sign-in': fc.constant({ name: 'sign-in' }),
  overview: fc.constant({ name: 'overview' }),
  systems: fc.constant({ name: 'systems' }),
  system: word.map((serialNumber) => ({ name: 'system', serialNumber })),
  downloads: fc.constant({ name: 'downloads' }),
  'bundle-import': fc.constant({ name: 'bundle-import' }),
  install: fc.tuple(word, word).map(([serialNumber, targetName]) => ({ name: 'install', serialNumber, targetName })),
  upgrade: fc.tuple(word, word).map(([serialNumber, version]) => ({ name: 'upgrade', serialNumber, version })),
  requests: fc.constant({ name: 'requests' }),
  'request-draft': word.map((failureId) => ({ name: 'request-draft', failureId })),
  'request-new': fc.oneof(
    fc.constant({ name: 'request-new' as const }),
    word.map((serialNumber) => ({ name: 'request-new' as const, serialNumber })),
    word.map((outboxKey) => ({ name: 'request-new' as const, outboxKey })),
  ),
  'request-question': word.map((draftKey) => ({ name: 'request-question', draftKey })),
  request: requestId.map((id) => ({ name: 'request', id })),
  selfhelp: optional({ q: word, product: word, version: word, kind: word }).map((f) => ({ name: 'selfhelp', ...f })),
  'selfhelp-article': fc
    .tuple(word, optional({ section: word }))
    .map(([id, f]) => ({ name: 'selfhelp-article', id, ...f })),
  'selfhelp-ask': optional({ q: word }).map((f) => ({ name: 'selfhelp-ask', ...f })),
  'selfhelp-community': fc
    .tuple(optional({ q: word, product: word, state: word }), fc.boolean())
    .map(([f, mine]) => ({ name: 'selfhelp-community', ...f, ...(mine ? { mine: true as const } : {}) })),
  'selfhelp-question': word.map((id) => ({ name: 'selfhelp-question', id })),
  'selfhelp-new-question': optional({ product: word, version: word }).map((f) => ({
    name: 'selfhelp-new-question',
    ...f,
  })),
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

  // Self-help's searches carry their words and filters after `?`, so a "Read more" link opens the search it names.
  it.each<[string, Route]>([
    ['#/selfhelp', { name: 'selfhelp' }],
    ['#/selfhelp?q=database+timeout&product=cobalt', { name: 'selfhelp', q: 'database timeout', product: 'cobalt' }],
    [
      '#/selfhelp?q=%E6%95%B0%E6%8D%AE%E5%BA%93+%E8%B6%85%E6%97%B6&version=4.2.1&kind=known-issue',
      { name: 'selfhelp', q: '数据库 超时', version: '4.2.1', kind: 'known-issue' },
    ],
    ['#/selfhelp/article/kb-1', { name: 'selfhelp-article', id: 'kb-1' }],
    ['#/selfhelp/article/kb-1?section=rollback', { name: 'selfhelp-article', id: 'kb-1', section: 'rollback' }],
    ['#/selfhelp/ask', { name: 'selfhelp-ask' }],
    ['#/selfhelp/ask?q=why', { name: 'selfhelp-ask', q: 'why' }],
    ['#/selfhelp/community', { name: 'selfhelp-community' }],
    ['#/selfhelp/community?state=open&mine=true', { name: 'selfhelp-community', state: 'open', mine: true }],
    ['#/selfhelp/community/q_1', { name: 'selfhelp-question', id: 'q_1' }],
    ['#/selfhelp/new-question?product=cobalt', { name: 'selfhelp-new-question', product: 'cobalt' }],
    ['#/requests/question/d1', { name: 'request-question', draftKey: 'd1' }],
  ])('self-help address %s opens %o', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(hrefOf(route)).toBe(hash);
  });

  it.each<[string, Route]>([
    ['#/selfhelp?q=&product=', { name: 'selfhelp' }],
    ['#/selfhelp/community?mine=yes', { name: 'selfhelp-community' }],
    ['#/selfhelp/article', { name: 'selfhelp' }],
    ['#/selfhelp/unknown-page', { name: 'selfhelp' }],
    ['#/requests/question/', { name: 'requests' }],
  ])('the incomplete self-help address %j opens %o', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
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
    expect(navItemsFor('engineer').map((i) => i.href)).toEqual(['#/workspace', '#/selfhelp', '#/settings']);
  });
});

describe('what each role may open', () => {
  it('customer admins see everything about their contract; IT staff the same without requests; engineers their workspace and no contracts; everyone self-help', () => {
    expect(navItemsFor('customer-admin').map((i) => translate('en', i.labelKey))).toEqual([
      'Overview',
      'Systems & updates',
      'Downloads',
      'Requests',
      'Self-help',
      'Settings',
    ]);
    expect(navItemsFor('it-staff').map((i) => translate('en', i.labelKey))).toEqual([
      'Overview',
      'Systems & updates',
      'Downloads',
      'Self-help',
      'Settings',
    ]);
    expect(navItemsFor('engineer').map((i) => translate('en', i.labelKey))).toEqual([
      'Engineer workspace',
      'Self-help',
      'Settings',
    ]);
    expect(navItemsFor('portal-admin').map((i) => translate('en', i.labelKey))).toEqual([
      'Back office',
      'Engineer workspace',
      'Self-help',
      'Settings',
    ]);
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
    // A site without a portal imports a bundle without signing in.
    expect(resolveRoute({ name: 'bundle-import' }, null)).toEqual({ name: 'bundle-import' });
    expect(resolveRoute({ name: 'downloads' }, null)).toEqual({ name: 'sign-in' });
    for (const role of ['customer-admin', 'it-staff', 'engineer', 'portal-admin'] as const)
      expect(resolveRoute({ name: 'selfhelp-article', id: 'a' }, role)).toEqual({ name: 'selfhelp-article', id: 'a' });
    expect(resolveRoute({ name: 'request-question', draftKey: 'd' }, 'it-staff')).toEqual({ name: 'overview' });
  });
});
