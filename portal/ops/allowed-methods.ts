/**
 * Which methods a path answers to, so that a known path called with another method is told 405 and what it does
 * allow, rather than a 404 that suggests the address is wrong. Fastify's router does not say this by itself.
 */
import type { FastifyInstance } from 'fastify';

interface KnownPath {
  pattern: RegExp;
  methods: Set<string>;
}

/** A Fastify path (`/a/:id/b`, `/files/*`) as a regular expression over a request's path. */
function patternFor(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      if (segment.startsWith(':')) return '[^/]+';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}$`);
}

export interface AllowedMethods {
  /** The methods the path answers to, empty when no route has it. */
  for(path: string): string[];
}

/** Records every route added to `app` from now on; call before the routes are registered. */
export function trackAllowedMethods(app: FastifyInstance): AllowedMethods {
  const known = new Map<string, KnownPath>();
  app.addHook('onRoute', (route) => {
    const entry = known.get(route.url) ?? { pattern: patternFor(route.url), methods: new Set<string>() };
    for (const method of [route.method].flat()) entry.methods.add(method);
    known.set(route.url, entry);
  });
  return {
    for(path) {
      const methods = new Set<string>();
      for (const entry of known.values()) if (entry.pattern.test(path)) for (const m of entry.methods) methods.add(m);
      return [...methods].sort();
    },
  };
}
