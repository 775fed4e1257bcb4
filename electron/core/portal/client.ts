/**
 * The client side of the portal API, derived from the shared endpoint table: each call is validated on the way out
 * and the answer checked against the endpoint's response schema on the way in. The session token lives behind the
 * host's secret store (safeStorage in the app, a 0600 file elsewhere). Only calls that are safe to repeat — reads,
 * and creations carrying an Idempotency-Key — are retried, with exponential backoff.
 */
import { randomUUID } from 'node:crypto';
import got, { type Got, type OptionsInit } from 'got';
import type { z } from 'zod';
import {
  endpointPath,
  packagePath,
  portalApi,
  type EndpointName,
  type PackageQuery,
  type PortalApi,
} from '../../../shared/contracts/portal-api.js';
import { RoleSchema, type Session } from '../../../shared/contracts/accounts.js';
import type { Role } from '../../../shared/domain/request-state.js';
import { invalidValues, plainIssues, safeParsePlain } from '../../../shared/api/plain-issues.js';
import { HicareError } from '../../../shared/errors.js';
import type { DisplayLocale } from '../../../shared/i18n/locales.js';
import type { SecretStore } from '../adapters.js';
import { transportOptions, type NetworkSettings } from './network.js';
import { portalErrorFromBody, transportError } from './errors.js';

type Api = PortalApi;
type In<S> = S extends z.ZodType ? z.input<S> : never;
type Out<S> = S extends z.ZodType ? z.output<S> : never;

export type CallInput<N extends EndpointName> = (Api[N] extends { params: z.ZodType }
  ? { params: In<Api[N]['params']> }
  : { params?: undefined }) &
  (Api[N] extends { query: z.ZodType } ? { query?: In<Api[N]['query']> } : { query?: undefined }) &
  (Api[N] extends { body: z.ZodType } ? { body: In<Api[N]['body']> } : { body?: undefined }) & {
    idempotencyKey?: string;
  };

export type CallOutput<N extends EndpointName> = Out<Api[N]['response']>;

export interface PortalClientOptions {
  /** e.g. http://127.0.0.1:8780 */
  portalUrl: string;
  secrets: SecretStore;
  network?: NetworkSettings;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  retries?: number;
  /**
   * The language the user reads, asked on every call (a change of the setting applies to the next one): the portal
   * answers its errors in it. Absent: no preference is sent, and the portal answers in English.
   */
  language?: () => DisplayLocale;
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

export function tokenSecretName(portalUrl: string): string {
  return `portal-token:${new URL(portalUrl).origin}`;
}

/** Who signed in, kept beside the token so the desktop knows what the account may do while the portal is away. */
function roleSecretName(portalUrl: string): string {
  return `portal-role:${new URL(portalUrl).origin}`;
}

export class PortalClient {
  readonly portalUrl: string;
  private readonly http: Got;
  private readonly secrets: SecretStore;
  private readonly retries: number;
  private readonly language: (() => DisplayLocale) | undefined;
  readonly transport: ReturnType<typeof transportOptions>;

  constructor(options: PortalClientOptions) {
    let url: URL;
    try {
      url = new URL(options.portalUrl);
    } catch {
      throw new HicareError('INVALID_INPUT.portalAddress', { address: options.portalUrl });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new HicareError('INVALID_INPUT.portalProtocol', { protocol: url.protocol });
    }
    this.portalUrl = url.origin;
    this.secrets = options.secrets;
    this.retries = options.retries ?? 3;
    this.language = options.language;
    this.transport = transportOptions(url, options.env ?? process.env, options.network ?? {});
    const gotOptions: OptionsInit = {
      prefixUrl: this.portalUrl,
      throwHttpErrors: false,
      responseType: 'text',
      timeout: { connect: 5000, response: options.timeoutMs ?? 15_000 },
      retry: { limit: 0 },
      headers: { 'user-agent': 'hicare-update-manager' },
      ...this.transport,
    };
    this.http = got.extend(gotOptions);
  }

  async token(): Promise<string | null> {
    return this.secrets.get(tokenSecretName(this.portalUrl));
  }

  async signIn(email: string, password: string): Promise<Session> {
    const session = await this.call('signIn', { body: { email, password } }, { anonymous: true });
    await this.secrets.set(tokenSecretName(this.portalUrl), session.token);
    await this.secrets.set(roleSecretName(this.portalUrl), session.account.role);
    return session;
  }

  /**
   * The signed-in account's role: the one remembered at sign-in, or the portal's answer when none was (a sign-in
   * from an older version); null when neither is known (offline), and the portal then decides.
   */
  async signedInRole(): Promise<Role | null> {
    const remembered = RoleSchema.safeParse(await this.secrets.get(roleSecretName(this.portalUrl)));
    if (remembered.success) return remembered.data;
    try {
      const account = await this.call('me', {});
      await this.secrets.set(roleSecretName(this.portalUrl), account.role);
      return account.role;
    } catch (error) {
      if (error instanceof HicareError && ['OFFLINE', 'TIMEOUT'].includes(error.code)) return null;
      throw error;
    }
  }

  /** Revokes the session on the portal (when reachable) and always forgets it here. */
  async signOut(): Promise<void> {
    try {
      if ((await this.token()) !== null) await this.call('signOut', {});
    } catch (error) {
      if (
        !(error instanceof HicareError) ||
        !['OFFLINE', 'TIMEOUT', 'UNAUTHENTICATED', 'TOKEN_EXPIRED', 'TOKEN_REVOKED'].includes(error.code)
      )
        throw error;
    } finally {
      await this.secrets.delete(tokenSecretName(this.portalUrl));
      await this.secrets.delete(roleSecretName(this.portalUrl));
    }
  }

  async authHeaders(): Promise<Record<string, string>> {
    const token = await this.token();
    if (token === null) throw new HicareError('UNAUTHENTICATED.notSignedIn');
    return { authorization: `Bearer ${token}` };
  }

  /** The language the portal is asked to answer in (its refusals of a package download too). */
  languageHeaders(): Record<string, string> {
    return this.language === undefined ? {} : { 'accept-language': this.language() };
  }

  /** The absolute URL of a package's bytes. */
  packageUrl(targetName: string, query: PackageQuery = {}): string {
    const search = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined));
    const qs = search.toString();
    return `${this.portalUrl}${packagePath(targetName)}${qs === '' ? '' : `?${qs}`}`;
  }

  async call<N extends EndpointName>(
    name: N,
    input: CallInput<N>,
    options: { anonymous?: boolean } = {},
  ): Promise<CallOutput<N>> {
    const endpoint = portalApi[name];
    const e = endpoint as {
      method: string;
      path: string;
      params?: z.ZodType;
      query?: z.ZodType;
      body?: z.ZodType;
      response: z.ZodType;
      idempotent?: boolean;
    };
    const check = (schema: z.ZodType | undefined, value: unknown, where: string): unknown => {
      if (schema === undefined) return undefined;
      const r = safeParsePlain(schema, value ?? {});
      // Checked before anything is sent; the fields are named as the caller gave them (a host may rename them for
      // its users: the CLI names its flags).
      if (!r.success)
        throw invalidValues(plainIssues(r.error), 'Correct the values named and try again.', {
          call: name,
          part: where,
        });
      return r.data;
    };
    const params = check(e.params, input.params, 'parameters') as Record<string, string> | undefined;
    const query = check(e.query, input.query, 'query') as Record<string, string | number | undefined> | undefined;
    const body = e.body === undefined ? undefined : check(e.body, input.body, 'body');
    const headers: Record<string, string> =
      options.anonymous === true || endpoint.auth === 'public' ? {} : await this.authHeaders();
    Object.assign(headers, this.languageHeaders());
    const idempotencyKey = e.idempotent === true ? (input.idempotencyKey ?? randomUUID()) : undefined;
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    const repeatable = IDEMPOTENT_METHODS.has(e.method) || idempotencyKey !== undefined;
    const searchParams = Object.fromEntries(
      Object.entries(query ?? {}).filter((entry): entry is [string, string | number] => entry[1] !== undefined),
    );

    const path = endpointPath(e.path, params ?? {}).replace(/^\//, '');
    let attempt = 0;
    for (;;) {
      try {
        const response = await this.http(path, {
          method: e.method as 'GET',
          headers,
          searchParams,
          ...(body === undefined ? {} : { json: body }),
        });
        const parsedBody = parseJson(response.body);
        if (response.statusCode >= 500 && repeatable && attempt < this.retries)
          throw new RetryableStatus(response.statusCode, parsedBody);
        if (response.statusCode >= 400) throw portalErrorFromBody(response.statusCode, parsedBody, this.portalUrl);
        const checked = e.response.safeParse(parsedBody);
        if (!checked.success) {
          throw new HicareError(
            'PORTAL_ERROR.portalAnswerMismatch',
            { call: name },
            { issue: checked.error.issues[0]?.message },
          );
        }
        return checked.data as CallOutput<N>;
      } catch (error) {
        const retryable =
          error instanceof RetryableStatus ||
          (!(error instanceof HicareError) && transportError(error, this.portalUrl).code !== 'PORTAL_ERROR');
        if (repeatable && retryable && attempt < this.retries) {
          attempt++;
          await sleep(Math.min(4000, 200 * 2 ** attempt) * (0.5 + Math.random()));
          continue;
        }
        if (error instanceof RetryableStatus) throw portalErrorFromBody(error.status, error.body, this.portalUrl);
        throw transportError(error, this.portalUrl);
      }
    }
  }
}

class RetryableStatus extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`status ${status}`);
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
