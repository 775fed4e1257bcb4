/**
 * What each role sees in the sidebar and may open (DESIGN.md §1): customer admins everything about their contract;
 * IT staff the same without requests; engineers their workspace and no contracts. Self-help is everyone's.
 */
import type { Role } from '../../../shared/domain/request-state.js';
import type { CatalogKey } from '../../../shared/i18n/translator.js';
import { ROUTE_TABLE, SECTION_HOME, type RouteName, type RouteOf, type Section } from './route-table.js';
import { hrefOf, type Route } from './routes.js';

export type { Section } from './route-table.js';

export interface NavItem {
  section: Section;
  /** The link's text, read in the current language where it is drawn. */
  labelKey: CatalogKey;
  href: string;
}

function navItem(section: Section): NavItem {
  return { section, labelKey: `app.shell.nav.${section}`, href: hrefOf(SECTION_HOME[section]) };
}

const BY_ROLE: Record<Role, Section[]> = {
  'customer-admin': ['overview', 'systems', 'downloads', 'requests', 'selfhelp', 'settings'],
  'it-staff': ['overview', 'systems', 'downloads', 'selfhelp', 'settings'],
  engineer: ['workspace', 'selfhelp', 'settings'],
  'portal-admin': ['console', 'workspace', 'selfhelp', 'settings'],
};

/** Signed out, only the settings (portal, proxy, CA, trust) are reachable besides the sign-in form. */
export function navItemsFor(role: Role | null): NavItem[] {
  return role === null ? [navItem('settings')] : BY_ROLE[role].map(navItem);
}

export function sectionOf<N extends RouteName>(route: RouteOf<N>): Section | null {
  return ROUTE_TABLE[route.name].section;
}

/** The screen to show for a route and role: a route the role may not open falls back to the role's first screen. */
export function resolveRoute(route: Route, role: Role | null): Route {
  // Signed out: the settings, and importing a bundle, which a site without a portal must reach without signing in.
  if (role === null) return route.name === 'settings' || route.name === 'bundle-import' ? route : { name: 'sign-in' };
  const allowed = BY_ROLE[role];
  const section = sectionOf(route);
  if (section !== null && allowed.includes(section)) return route;
  return SECTION_HOME[allowed[0] ?? 'settings'];
}
