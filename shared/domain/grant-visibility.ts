/**
 * Who may see where and as whom a remote-access grant lets the engineer in (DESIGN.md §3.4: "visible only to the
 * engineer assigned to the request"), and its audit: the customer who granted it and the engineer it is for. Anybody
 * else — another engineer, a portal administrator — sees only that a grant exists, its channel, scope and times.
 */
import type { Role } from './request-state.js';

export interface GrantViewer {
  id: string;
  role: Role;
  customerId: string | null;
}

export interface GrantHolderRequest {
  customerId: string;
  assignedEngineerId: string | null;
}

export function seesGrantDetails(viewer: GrantViewer, request: GrantHolderRequest): boolean {
  if (viewer.role === 'customer-admin') return viewer.customerId !== null && viewer.customerId === request.customerId;
  if (viewer.role === 'engineer')
    return request.assignedEngineerId !== null && request.assignedEngineerId === viewer.id;
  return false;
}
