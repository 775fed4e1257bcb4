/**
 * The console's one way to the portal: an admin endpoint of the shared table, called through the app API's
 * `console.call` and read back with that endpoint's own response schema, so a screen gets the declared type.
 */
import type { z } from 'zod';
import { portalApi, type AdminEndpointName, type PortalApi } from '../../../shared/contracts/portal-api.js';
import { api } from '../api.js';

type Part<E, K extends string> = E extends { [P in K]: z.ZodType } ? z.input<E[K]> : undefined;

/** What one admin call carries: the endpoint's params, query and body, each as its schema accepts them. */
export interface AdminInput<N extends AdminEndpointName> {
  params?: Part<PortalApi[N], 'params'>;
  query?: Part<PortalApi[N], 'query'>;
  body?: Part<PortalApi[N], 'body'>;
}

export type AdminOutput<N extends AdminEndpointName> = z.output<PortalApi[N]['response']>;

export async function adminCall<N extends AdminEndpointName>(
  endpoint: N,
  input: AdminInput<N> = {},
): Promise<AdminOutput<N>> {
  const answer = await api.call('console.call', {
    endpoint,
    ...(input.params === undefined ? {} : { params: input.params as Record<string, string> }),
    ...(input.query === undefined ? {} : { query: withoutUndefined(input.query as Record<string, unknown>) }),
    ...(input.body === undefined ? {} : { body: input.body }),
  });
  return portalApi[endpoint].response.parse(answer) as AdminOutput<N>;
}

function withoutUndefined(query: Record<string, unknown>): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    string | number | boolean
  >;
}
