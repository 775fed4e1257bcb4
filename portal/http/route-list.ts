/**
 * The routes an app registered, as Fastify was asked for them, so that a test can hold them against /openapi.json.
 * Recorded from the first route on; Fastify keeps no list of its own that can be read back.
 */
import type { FastifyInstance } from 'fastify';

export interface RegisteredRoute {
  methods: string[];
  url: string;
  /** The HEAD Fastify adds by itself beside every GET: it answers like the GET, without the body. */
  impliedHead: boolean;
}

const recorded = new WeakMap<FastifyInstance, RegisteredRoute[]>();

export function recordRoutes(app: FastifyInstance): void {
  const routes: RegisteredRoute[] = [];
  recorded.set(app, routes);
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    // A route asked for with HEAD among several methods is the portal's own; HEAD alone beside a GET is Fastify's.
    const impliedHead =
      methods.length === 1 &&
      methods[0] === 'HEAD' &&
      routes.some((r) => r.url === route.url && r.methods.includes('GET'));
    routes.push({ methods, url: route.url, impliedHead });
  });
}

export function registeredRoutes(app: FastifyInstance): readonly RegisteredRoute[] {
  return recorded.get(app) ?? [];
}
