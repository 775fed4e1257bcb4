/**
 * What the service-request tests share: a valid request body, accounts the demo lacks (a second engineer, a customer
 * whose contract has ended), cached sign-ins, and a live event-stream client reading the portal's SSE on loopback.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import {
  STREAM_READY_EVENT,
  type ServiceRequest,
  type ServiceRequestCreate,
} from '../../../shared/contracts/requests.js';
import { createAccount } from '../../../portal/accounts/index.js';
import { createContract } from '../../../portal/db/contracts.js';
import { createCustomer } from '../../../portal/db/customers.js';
import { signInWith } from '../portal-api/extra-customers.js';
import type { Reply, TestPortal } from '../portal-api/harness.js';

export const ENGINEER_2 = 'engineer2@hicare.example';
export const EXPIRED_ADMIN = 'admin@fabrikam.example';
const EXTRA_PASSWORD = 'a long test password for 2026';

export function requestBody(overrides: Partial<ServiceRequestCreate> = {}): ServiceRequestCreate {
  return {
    serialNumber: 'NW-ATL-0001',
    location: 'Northwind Plant 1, control room',
    faultDescription: 'Installing atlas 1.9.0 stopped with exit code 3.',
    priority: 'P2',
    alarms: [],
    operationRecords: [],
    ...overrides,
  };
}

/** Sign-ins per test file: one token per account, fetched again after the clock has moved past a session's life. */
export class Sessions {
  private readonly tokens = new Map<string, { token: string; at: number }>();
  private extrasMade = false;

  constructor(private readonly t: TestPortal) {}

  /** A second engineer and a customer (Fabrikam) whose only contract ended in June 2026. */
  private async extras(): Promise<void> {
    if (this.extrasMade) return;
    this.extrasMade = true;
    const db = this.t.portal.db;
    const at = this.t.clock.now;
    await createAccount(
      db,
      { email: ENGINEER_2, name: 'Second TAC engineer', role: 'engineer', password: EXTRA_PASSWORD },
      at,
    );
    await createCustomer(db, { id: 'fabrikam', name: 'Fabrikam Mills' });
    await createContract(db, {
      id: 'FAB-SUP-2025',
      customerId: 'fabrikam',
      tier: 'support',
      region: 'EMEA',
      timeZone: 'Europe/Berlin',
      startDate: '2025-07-01',
      endDate: '2026-06-30',
      systems: [{ serialNumber: 'FAB-ATL-0001', product: 'atlas', location: 'Fabrikam mill, line 2' }],
      licensedMajors: { atlas: 1 },
    });
    await createAccount(
      db,
      {
        email: EXPIRED_ADMIN,
        name: 'Fabrikam admin',
        role: 'customer-admin',
        customerId: 'fabrikam',
        password: EXTRA_PASSWORD,
      },
      at,
    );
  }

  async token(email: string): Promise<string> {
    const now = this.t.clock.now.getTime();
    const cached = this.tokens.get(email);
    // Sessions last 12 h of the portal's clock; tests move it by days.
    if (cached !== undefined && Math.abs(now - cached.at) < 6 * 60 * 60 * 1000) return cached.token;
    let token: string;
    if (email === ENGINEER_2 || email === EXPIRED_ADMIN) {
      await this.extras();
      token = await signInWith(this.t, email, EXTRA_PASSWORD);
    } else {
      token = await this.t.signIn(email);
    }
    this.tokens.set(email, { token, at: now });
    return token;
  }

  async accountId(email: string): Promise<string> {
    const me = await this.t.request<{ id: string }>('GET', '/api/v1/me', { token: await this.token(email) });
    return me.body.id;
  }
}

export async function openRequest(
  t: TestPortal,
  token: string,
  body: ServiceRequestCreate = requestBody(),
  key?: string,
): Promise<ServiceRequest> {
  const reply = await t.request<ServiceRequest>('POST', '/api/v1/requests', {
    token,
    body,
    ...(key === undefined ? {} : { headers: { 'idempotency-key': key } }),
  });
  if (reply.status !== 201)
    throw new Error(`opening a request failed: ${reply.status} ${reply.bytes.toString('utf8').slice(0, 300)}`);
  return reply.body;
}

/** `note`: what the action carries besides its name (a proposal's solution, a rejection's reason). */
export async function act(
  t: TestPortal,
  token: string,
  id: string,
  action: string,
  note: { solution?: { text: string; attachmentId?: string }; reason?: string } = {},
): Promise<Reply<ServiceRequest>> {
  return t.request<ServiceRequest>('POST', `/api/v1/requests/${id}/actions`, { token, body: { action, ...note } });
}

export const A_SOLUTION = { solution: { text: 'Stop the atlas-agent service, then run the installer again.' } };

export async function expectOk<T>(reply: Promise<Reply<T>>, status = 200): Promise<T> {
  const r = await reply;
  if (r.status !== status)
    throw new Error(`expected ${status}, got ${r.status} ${r.bytes.toString('utf8').slice(0, 300)}`);
  return r.body;
}

export interface StreamEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

/** A real SSE client on a raw HTTP connection, collecting events as they arrive. */
export class EventStreamClient {
  readonly events: StreamEvent[] = [];
  comments = 0;
  /** The last `id:` the stream sent (with or without an event), as a browser would send it back on reconnecting. */
  lastId = '';
  private buffer = '';
  private waiters: { test: (e: StreamEvent) => boolean; resolve: (e: StreamEvent) => void }[] = [];

  private constructor(
    private readonly req: ClientRequest,
    readonly response: IncomingMessage,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.take(chunk));
  }

  /** Opens the stream of the portal at `server.url` (with `headers` such as Last-Event-ID). */
  static open(
    server: { url: string },
    token: string,
    headers: Record<string, string> = {},
  ): Promise<EventStreamClient> {
    const url = new URL(server.url);
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: '/api/v1/events',
          headers: { ...headers, authorization: `Bearer ${token}`, accept: 'text/event-stream' },
          agent: false,
        },
        (res) => resolve(new EventStreamClient(req, res)),
      );
      req.on('error', reject);
      req.end();
    });
  }

  private take(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const fields = new Map<string, string>();
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) this.comments += 1;
        const m = /^(id|event|data): (.*)$/.exec(line);
        if (m?.[1] !== undefined && m[2] !== undefined) fields.set(m[1], m[2]);
      }
      const data = fields.get('data');
      if (fields.has('id')) this.lastId = fields.get('id') ?? '';
      // The opening `ready` frame only carries the stream's starting id: it is no request event.
      if (data === undefined || fields.get('event') === STREAM_READY_EVENT) continue;
      const event = {
        id: fields.get('id') ?? '',
        type: fields.get('event') ?? '',
        data: JSON.parse(data) as Record<string, unknown>,
      };
      this.events.push(event);
      this.waiters = this.waiters.filter((w) => (w.test(event) ? (w.resolve(event), false) : true));
    }
  }

  /** The first event (already received or still to come) that passes `test`. */
  next(test: (e: StreamEvent) => boolean, timeoutMs = 5000): Promise<StreamEvent> {
    const seen = this.events.find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no matching event within ${timeoutMs} ms; got ${JSON.stringify(this.events.map((e) => e.type))}`,
            ),
          ),
        timeoutMs,
      );
      this.waiters.push({
        test,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      });
    });
  }

  close(): void {
    this.req.destroy();
  }
}

/** The request an event is about, whatever its type. */
export function requestIdOf(e: StreamEvent): string | undefined {
  const request = e.data['request'] as { id?: string } | undefined;
  return request?.id ?? (e.data['requestId'] as string | undefined);
}

export function customerOfEvent(e: StreamEvent): string | undefined {
  return (e.data['request'] as { customerId?: string } | undefined)?.customerId;
}
