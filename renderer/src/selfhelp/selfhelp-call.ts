/**
 * Self-help's one way to the portal: an endpoint of the knowledge base's or the community's table, called through the
 * app API's `selfhelp.call` and read back with that endpoint's own response schema.
 */
import type { z } from 'zod';
import { portalApi, type PortalApi, type SelfHelpEndpointName } from '../../../shared/contracts/portal-api.js';
import { api } from '../api.js';

type Part<E, K extends string> = E extends { [P in K]: z.ZodType } ? z.input<E[K]> : undefined;

export interface SelfHelpInput<N extends SelfHelpEndpointName> {
  params?: Part<PortalApi[N], 'params'>;
  query?: Part<PortalApi[N], 'query'>;
  body?: Part<PortalApi[N], 'body'>;
  /** For posts: the same key on a retry makes the portal answer with the first post instead of a second. */
  idempotencyKey?: string;
}

export type SelfHelpOutput<N extends SelfHelpEndpointName> = z.output<PortalApi[N]['response']>;

export async function selfHelpCall<N extends SelfHelpEndpointName>(
  endpoint: N,
  input: SelfHelpInput<N> = {},
): Promise<SelfHelpOutput<N>> {
  const query = input.query as Record<string, unknown> | undefined;
  const answer = await api.call('selfhelp.call', {
    endpoint,
    ...(input.params === undefined ? {} : { params: input.params as Record<string, string> }),
    ...(query === undefined
      ? {}
      : {
          query: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '')) as Record<
            string,
            string | number | boolean
          >,
        }),
    ...(input.body === undefined ? {} : { body: input.body }),
    ...(input.idempotencyKey === undefined ? {} : { idempotencyKey: input.idempotencyKey }),
  });
  return portalApi[endpoint].response.parse(answer) as SelfHelpOutput<N>;
}
