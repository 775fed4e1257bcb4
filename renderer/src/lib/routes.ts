/**
 * Hash routes: every screen has an address (`#/systems/SN-1`) so the back button, reloads and links work and the
 * E2E suite can open a screen directly. The web host's `#token=` fragment is read and removed before routing starts.
 * The addresses themselves are declared in `route-table.ts`.
 */
import { ROUTE_TABLE, SECTION_HOME, type Query, type RouteName, type RouteOf, type Words } from './route-table.js';

export type { RouteName, RouteOf } from './route-table.js';
export type Route = RouteOf;

const SPECS = Object.values(ROUTE_TABLE);

function decode(word: string | undefined): string | null {
  if (word === undefined || word === '') return null;
  try {
    return decodeURIComponent(word);
  } catch {
    return null;
  }
}

/** The filters after `?`; a badly encoded one reads as no filters rather than a broken screen. */
function readQuery(search: string): Query {
  if (search === '') return new Map();
  try {
    return new Map(new URLSearchParams(search));
  } catch {
    return new Map();
  }
}

/**
 * The route an address names. An address whose first word is known but whose rest does not read (a missing or badly
 * encoded serial number) opens that section's list; anything else unknown opens the home screen.
 */
export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash
    .replace(/^#/, '')
    .replace(/^\/+/, '')
    .split(/\?(.*)/s);
  const [root = '', second, third] = path.split('/');
  const words: Words = [decode(second), decode(third)];
  const query: Query = readQuery(search);
  const candidates = SPECS.filter((spec) => spec.root === root);
  for (const spec of candidates) {
    const route = spec.read(words, query);
    if (route !== null) return route;
  }
  const section = candidates[0]?.section ?? null;
  return section === null ? { name: 'home' } : SECTION_HOME[section];
}

export function hrefOf<N extends RouteName>(route: RouteOf<N>): string {
  return ROUTE_TABLE[route.name].href(route);
}
