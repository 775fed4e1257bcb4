/**
 * What each role sees in the sidebar and may open (DESIGN.md §1): customer admins everything about their contract;
 * IT staff the same without requests; engineers their workspace and no contracts.
 */
import type { Role } from '../../../shared/domain/request-state.js';
import type { Route } from './routes.js';

export type Section = 'overview' | 'systems' | 'downloads' | 'requests' | 'workspace' | 'settings';

export interface NavItem {
  section: Section;
  label: string;
  href: string;
}

const ALL: Record<Section, NavItem> = {
  overview: { section: 'overview', label: 'Overview', href: '#/overview' },
  systems: { section: 'systems', label: 'Systems & updates', href: '#/systems' },
  downloads: { section: 'downloads', label: 'Downloads', href: '#/downloads' },
  requests: { section: 'requests', label: 'Requests', href: '#/requests' },
  workspace: { section: 'workspace', label: 'Engineer workspace', href: '#/workspace' },
  settings: { section: 'settings', label: 'Settings', href: '#/settings' },
};

const BY_ROLE: Record<Role, Section[]> = {
  'customer-admin': ['overview', 'systems', 'downloads', 'requests', 'settings'],
  'it-staff': ['overview', 'systems', 'downloads', 'settings'],
  engineer: ['workspace', 'settings'],
  'portal-admin': ['workspace', 'settings'],
};

/** Signed out, only the settings (portal, proxy, CA, trust) are reachable besides the sign-in form. */
export function navItemsFor(role: Role | null): NavItem[] {
  return role === null ? [ALL.settings] : BY_ROLE[role].map((s) => ALL[s]);
}

export function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'overview':
      return 'overview';
    case 'systems':
    case 'system':
    case 'install':
    case 'upgrade':
      return 'systems';
    case 'downloads':
      return 'downloads';
    case 'requests':
    case 'request':
    case 'request-draft':
    case 'request-new':
      return 'requests';
    case 'workspace':
    case 'workspace-request':
      return 'workspace';
    case 'settings':
      return 'settings';
    case 'sign-in':
    case 'home':
      return null;
  }
}

/** The screen to show for a route and role: a route the role may not open falls back to the role's first screen. */
export function resolveRoute(route: Route, role: Role | null): Route {
  if (role === null) return route.name === 'settings' ? route : { name: 'sign-in' };
  const allowed = BY_ROLE[role];
  const section = sectionOf(route);
  if (section !== null && allowed.includes(section)) return route;
  const first = allowed[0] ?? 'settings';
  return { name: first } as Route;
}
