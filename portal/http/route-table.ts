/**
 * The portal's whole route table, total at compile time: one handler for every entry of the shared JSON table
 * (shared/contracts/portal-api.ts) and of the raw table (shared/contracts/portal-raw-routes.ts). A handler missing
 * or misspelled fails to compile, and the routes are registered by walking the declarations, so none can be left out.
 */
import type { FastifyInstance } from 'fastify';
import { portalApi, type EndpointName, type PortalApi } from '../../shared/contracts/portal-api.js';
import { portalRawRoutes, type PortalRawRoutes, type RawRouteName } from '../../shared/contracts/portal-raw-routes.js';
import { registerEndpoint, type Authenticate, type EndpointHandler } from './endpoints.js';
import { registerRawRoute, type RawHandler } from './raw-route.js';

export type JsonHandlers = { [K in EndpointName]: EndpointHandler<PortalApi[K]> };
export type RawHandlers = { [K in RawRouteName]: RawHandler<PortalRawRoutes[K]> };
export type PortalHandlers = JsonHandlers & RawHandlers;

export function registerRouteTable(app: FastifyInstance, handlers: PortalHandlers, auth: Authenticate): void {
  for (const name of Object.keys(portalApi) as EndpointName[]) {
    // Each name's endpoint and handler belong together; TypeScript cannot follow that through the loop variable.
    registerEndpoint(app, portalApi[name], auth, handlers[name] as EndpointHandler<PortalApi[EndpointName]>);
  }
  for (const name of Object.keys(portalRawRoutes) as RawRouteName[]) {
    registerRawRoute(app, portalRawRoutes[name], auth, handlers[name] as RawHandler<PortalRawRoutes[RawRouteName]>);
  }
}
