/**
 * Every screen's address, declared once: the fields its route carries, how its address reads and is written, and the
 * sidebar section it belongs to. `routes.ts` and `nav.ts` derive parsing, links and the sidebar from this table, and
 * `ScreenFor.tsx` maps the same route names to screens; a route added here without an address, a section or a screen
 * fails to compile.
 */

/** The sidebar's sections; each one's list screen has a route of the same name. */
export type Section =
  'overview' | 'systems' | 'downloads' | 'requests' | 'selfhelp' | 'workspace' | 'console' | 'settings';

type NoFields = Record<never, never>;

/** The fields each route carries besides its name. */
interface RouteFields {
  'sign-in': NoFields;
  overview: NoFields;
  systems: NoFields;
  system: { serialNumber: string };
  downloads: NoFields;
  /** Verifying a bundle brought to a site without internet, and installing from it. */
  'bundle-import': NoFields;
  install: { serialNumber: string; targetName: string };
  upgrade: { serialNumber: string; version: string };
  requests: NoFields;
  'request-draft': { failureId: string };
  /** A request the customer opens: for a system (preselected), or a refused one from the outbox to correct. */
  'request-new': { serialNumber?: string; outboxKey?: never } | { outboxKey: string; serialNumber?: never };
  /** A request drafted from a question self-help could not answer; the key names the draft kept in this window. */
  'request-question': { draftKey: string };
  request: { id: string };
  /** Self-help's search; the address carries the words and filters so a search can be linked to and reloaded. */
  selfhelp: { q?: string; product?: string; version?: string; kind?: string };
  /** One article, opened at a section when the address names one. */
  'selfhelp-article': { id: string; section?: string };
  'selfhelp-ask': { q?: string };
  'selfhelp-community': { q?: string; product?: string; state?: string; mine?: true };
  'selfhelp-question': { id: string };
  'selfhelp-new-question': { product?: string; version?: string };
  workspace: NoFields;
  'workspace-request': { id: string };
  /** The back office: an area (customers, contracts, …) and one record of it; the first area when none. */
  console: { area?: string; id?: string };
  settings: NoFields;
  home: NoFields;
}

export type RouteName = keyof RouteFields;

/**
 * The route of one name (or, by default, any route). Written as a map over names rather than a plain union so a table
 * keyed by name can be indexed with `route.name` and called with `route` without a cast.
 */
export type RouteOf<N extends RouteName = RouteName> = { [K in N]: { name: K } & RouteFields[K] }[N];

/**
 * The two words of an address after its first one, decoded (no address needs more; further words are ignored). A
 * missing, empty or badly encoded word reads as null, so a route needing it does not match and the address falls
 * back to its section's list.
 */
export type Words = readonly [second: string | null, third: string | null];

/** The address's `?name=value` part, for routes whose fields are filters; an empty value reads as missing. */
export type Query = ReadonlyMap<string, string>;

export interface RouteSpec<N extends RouteName> {
  /** The first word of the address after `#/` ('' for the home address `#/`). */
  root: string;
  /** Where the screen sits in the sidebar; null for screens outside it (sign-in, home). */
  section: Section | null;
  /** The route these words make, or null when they are not this route's. */
  read(words: Words, query: Query): RouteOf<N> | null;
  /** The route's address; reading it back gives the same route (tested for every route). */
  href(route: RouteOf<N>): string;
}

/** An address made of words, each encoded so serial numbers and package names with `/`, `?` or `#` survive. */
function address(...words: string[]): string {
  return `#/${words.map(encodeURIComponent).join('/')}`;
}

/** An address with filters after its words: only the fields set, in a fixed order. */
function withQuery(href: string, fields: Readonly<Record<string, string | true | undefined>>): string {
  const pairs = Object.entries(fields).flatMap(([k, v]) =>
    v === undefined || v === '' ? [] : [[k, v === true ? 'true' : v] as [string, string]],
  );
  return pairs.length === 0 ? href : `${href}?${new URLSearchParams(pairs).toString()}`;
}

/** The named fields of a query that are present, so a route never holds a key whose value is undefined. */
function pick<K extends string>(query: Query, ...names: K[]): { [P in K]?: string } {
  const out: { [P in K]?: string } = {};
  for (const name of names) {
    const value = query.get(name);
    if (value !== undefined && value !== '') out[name] = value;
  }
  return out;
}

/** Words under `#/requests/` that name a form, not a request; request ids are never one of them. */
const REQUEST_FORMS: ReadonlySet<string> = new Set(['open', 'edit', 'new', 'question']);

/** Words under `#/selfhelp/` that name a page of self-help. */
const SELFHELP_PAGES: ReadonlySet<string> = new Set(['article', 'ask', 'community', 'new-question']);

/** Tried in this order for the same first word; each route's `read` refuses what belongs to another. */
export const ROUTE_TABLE: { readonly [N in RouteName]: RouteSpec<N> } = {
  home: { root: '', section: null, read: () => ({ name: 'home' }), href: () => '#/' },
  'sign-in': { root: 'sign-in', section: null, read: () => ({ name: 'sign-in' }), href: () => address('sign-in') },
  overview: {
    root: 'overview',
    section: 'overview',
    read: () => ({ name: 'overview' }),
    href: () => address('overview'),
  },
  systems: {
    root: 'systems',
    section: 'systems',
    read: ([serialNumber]) => (serialNumber === null ? { name: 'systems' } : null),
    href: () => address('systems'),
  },
  system: {
    root: 'systems',
    section: 'systems',
    read: ([serialNumber]) => (serialNumber === null ? null : { name: 'system', serialNumber }),
    href: (r) => address('systems', r.serialNumber),
  },
  install: {
    root: 'install',
    section: 'systems',
    read: ([serialNumber, targetName]) =>
      serialNumber === null || targetName === null ? null : { name: 'install', serialNumber, targetName },
    href: (r) => address('install', r.serialNumber, r.targetName),
  },
  upgrade: {
    root: 'upgrade',
    section: 'systems',
    read: ([serialNumber, version]) =>
      serialNumber === null || version === null ? null : { name: 'upgrade', serialNumber, version },
    href: (r) => address('upgrade', r.serialNumber, r.version),
  },
  downloads: {
    root: 'downloads',
    section: 'downloads',
    read: ([first]) => (first === 'import' ? null : { name: 'downloads' }),
    href: () => address('downloads'),
  },
  'bundle-import': {
    root: 'downloads',
    section: 'downloads',
    read: ([first]) => (first === 'import' ? { name: 'bundle-import' } : null),
    href: () => address('downloads', 'import'),
  },
  requests: {
    root: 'requests',
    section: 'requests',
    read: ([first]) => (first === null ? { name: 'requests' } : null),
    href: () => address('requests'),
  },
  'request-draft': {
    root: 'requests',
    section: 'requests',
    read: ([form, failureId]) => (form === 'new' && failureId !== null ? { name: 'request-draft', failureId } : null),
    href: (r) => address('requests', 'new', r.failureId),
  },
  'request-new': {
    root: 'requests',
    section: 'requests',
    read: ([form, key]) => {
      if (form === 'open') return key === null ? { name: 'request-new' } : { name: 'request-new', serialNumber: key };
      return form === 'edit' && key !== null ? { name: 'request-new', outboxKey: key } : null;
    },
    href: (r) => {
      if (r.outboxKey !== undefined) return address('requests', 'edit', r.outboxKey);
      return r.serialNumber === undefined ? address('requests', 'open') : address('requests', 'open', r.serialNumber);
    },
  },
  'request-question': {
    root: 'requests',
    section: 'requests',
    read: ([form, draftKey]) =>
      form === 'question' && draftKey !== null ? { name: 'request-question', draftKey } : null,
    href: (r) => address('requests', 'question', r.draftKey),
  },
  request: {
    root: 'requests',
    section: 'requests',
    read: ([id]) => (id === null || REQUEST_FORMS.has(id) ? null : { name: 'request', id }),
    href: (r) => address('requests', r.id),
  },
  selfhelp: {
    root: 'selfhelp',
    section: 'selfhelp',
    read: ([page], query) =>
      page === null || !SELFHELP_PAGES.has(page)
        ? { name: 'selfhelp', ...pick(query, 'q', 'product', 'version', 'kind') }
        : null,
    href: (r) => withQuery(address('selfhelp'), { q: r.q, product: r.product, version: r.version, kind: r.kind }),
  },
  'selfhelp-article': {
    root: 'selfhelp',
    section: 'selfhelp',
    read: ([page, id], query) =>
      page === 'article' && id !== null ? { name: 'selfhelp-article', id, ...pick(query, 'section') } : null,
    href: (r) => withQuery(address('selfhelp', 'article', r.id), { section: r.section }),
  },
  'selfhelp-ask': {
    root: 'selfhelp',
    section: 'selfhelp',
    read: ([page], query) => (page === 'ask' ? { name: 'selfhelp-ask', ...pick(query, 'q') } : null),
    href: (r) => withQuery(address('selfhelp', 'ask'), { q: r.q }),
  },
  'selfhelp-community': {
    root: 'selfhelp',
    section: 'selfhelp',
    read: ([page, id], query) =>
      page === 'community' && id === null
        ? {
            name: 'selfhelp-community',
            ...pick(query, 'q', 'product', 'state'),
            ...(query.get('mine') === 'true' ? { mine: true as const } : {}),
          }
        : null,
    href: (r) =>
      withQuery(address('selfhelp', 'community'), { q: r.q, product: r.product, state: r.state, mine: r.mine }),
  },
  'selfhelp-question': {
    root: 'selfhelp',
    section: 'selfhelp',
    read: ([page, id]) => (page === 'community' && id !== null ? { name: 'selfhelp-question', id } : null),
    href: (r) => address('selfhelp', 'community', r.id),
  },
  'selfhelp-new-question': {
    root: 'selfhelp',
    section: 'selfhelp',
    read: ([page], query) =>
      page === 'new-question' ? { name: 'selfhelp-new-question', ...pick(query, 'product', 'version') } : null,
    href: (r) => withQuery(address('selfhelp', 'new-question'), { product: r.product, version: r.version }),
  },
  workspace: {
    root: 'workspace',
    section: 'workspace',
    read: ([id]) => (id === null ? { name: 'workspace' } : null),
    href: () => address('workspace'),
  },
  'workspace-request': {
    root: 'workspace',
    section: 'workspace',
    read: ([id]) => (id === null ? null : { name: 'workspace-request', id }),
    href: (r) => address('workspace', r.id),
  },
  console: {
    root: 'console',
    section: 'console',
    read: ([area, id]) => ({
      name: 'console',
      ...(area === null ? {} : { area }),
      ...(area === null || id === null ? {} : { id }),
    }),
    href: (r) => {
      if (r.area === undefined) return address('console');
      return r.id === undefined ? address('console', r.area) : address('console', r.area, r.id);
    },
  },
  settings: {
    root: 'settings',
    section: 'settings',
    read: () => ({ name: 'settings' }),
    href: () => address('settings'),
  },
};

/** Each section's list screen: where the sidebar link goes, and where a broken address under the section lands. */
export const SECTION_HOME: { readonly [S in Section]: RouteOf<S> } = {
  overview: { name: 'overview' },
  systems: { name: 'systems' },
  downloads: { name: 'downloads' },
  requests: { name: 'requests' },
  selfhelp: { name: 'selfhelp' },
  workspace: { name: 'workspace' },
  console: { name: 'console' },
  settings: { name: 'settings' },
};
