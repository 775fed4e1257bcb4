/**
 * The portal's live request events (GET /api/v1/events, server-sent events with the session's bearer token) while
 * the user is signed in. A dropped stream is reopened with exponential backoff (reset once a stream has carried
 * something); a stream silent for longer than three of the portal's heartbeats is taken as dead and reopened. A 401
 * means the session is over, a 403 that this account may not listen: both stop for good. A reopened stream sends the
 * last event id it saw (Last-Event-ID), so the portal first sends what was missed meanwhile, or a `reset` when it
 * cannot tell: then whoever shows requests reloads them.
 */
import got from 'got';
import { EVENTS_PATH } from '../../../shared/contracts/portal-api.js';
import {
  RequestEventSchema,
  STREAM_READY_EVENT,
  STREAM_RESET_EVENT,
  type RequestEvent,
} from '../../../shared/contracts/requests.js';
import type { Logger } from '../adapters.js';
import type { TransportOptions } from '../portal/network.js';
import { SseParser } from './sse-parser.js';

export interface LiveEventsOptions {
  portalUrl: string;
  headers: () => Promise<Record<string, string>>;
  transport: TransportOptions;
  onEvent: (event: RequestEvent) => void;
  /** The portal could not tell what was missed while the stream was down: reload what is shown. */
  onReset?: () => void;
  /** The portal refused the token (signed out elsewhere, expired): listening stops. */
  onUnauthorized: () => void;
  logger: Logger;
  backoff?: { baseMs: number; maxMs: number };
  /** No byte (not even a heartbeat) for this long and the stream is reopened. Default 45 s. */
  idleMs?: number;
}

type Outcome = { kind: 'ended'; carried: boolean } | { kind: 'unauthorized' } | { kind: 'forbidden' };

export class LiveEvents {
  private stopped = true;
  private abort: (() => void) | undefined;
  private wake: (() => void) | undefined;
  private connectedFlag = false;
  /** The last event id the portal sent, kept across reconnections ('' until it names one). */
  private lastEventId = '';

  constructor(private readonly options: LiveEventsOptions) {}

  /** Whether a stream is open now (for tests and diagnostics). */
  get connected(): boolean {
    return this.connectedFlag;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.loop().catch((error: unknown) =>
      this.options.logger.error('the live event stream stopped', { error: String(error) }),
    );
  }

  stop(): void {
    this.stopped = true;
    this.abort?.();
    this.wake?.();
  }

  private async loop(): Promise<void> {
    const { baseMs, maxMs } = this.options.backoff ?? { baseMs: 1_000, maxMs: 60_000 };
    let failures = 0;
    while (!this.stopped) {
      const outcome = await this.openOnce().catch((error: unknown): Outcome => {
        this.options.logger.warn('the live event stream could not be opened', { error: String(error) });
        return { kind: 'ended', carried: false };
      });
      this.connectedFlag = false;
      if (this.stopped) return;
      if (outcome.kind === 'unauthorized') {
        this.stopped = true;
        this.options.onUnauthorized();
        return;
      }
      if (outcome.kind === 'forbidden') {
        this.stopped = true;
        return;
      }
      failures = outcome.carried ? 0 : failures + 1;
      const delay = Math.min(maxMs, baseMs * 2 ** Math.min(failures, 16)) * (0.5 + Math.random() / 2);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        timer.unref();
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  private noteId(id: string): void {
    if (id !== '') this.lastEventId = id;
  }

  private async openOnce(): Promise<Outcome> {
    const headers = await this.options.headers();
    if (this.stopped) return { kind: 'ended', carried: false };
    const url = `${new URL(this.options.portalUrl).origin}${EVENTS_PATH}`;
    return new Promise<Outcome>((resolve) => {
      let carried = false;
      let settled = false;
      const stream = got.stream(url, {
        ...this.options.transport,
        headers: {
          ...headers,
          accept: 'text/event-stream',
          ...(this.lastEventId === '' ? {} : { 'last-event-id': this.lastEventId }),
        },
        throwHttpErrors: false,
        retry: { limit: 0 },
        timeout: { connect: 5_000, response: 15_000 },
      });
      const idleMs = this.options.idleMs ?? 45_000;
      let idle: NodeJS.Timeout | undefined;
      const finish = (outcome: Outcome): void => {
        if (settled) return;
        settled = true;
        clearTimeout(idle);
        this.abort = undefined;
        stream.destroy();
        resolve(outcome);
      };
      const watch = (): void => {
        clearTimeout(idle);
        idle = setTimeout(() => finish({ kind: 'ended', carried }), idleMs);
        idle.unref();
      };
      this.abort = () => finish({ kind: 'ended', carried });
      const parser: SseParser = new SseParser((frame) => {
        this.noteId(parser.lastEventId);
        if (frame.event === STREAM_READY_EVENT) return;
        if (frame.event === STREAM_RESET_EVENT) {
          this.options.onReset?.();
          return;
        }
        let data: unknown;
        try {
          data = JSON.parse(frame.data);
        } catch {
          return;
        }
        const parsed = RequestEventSchema.safeParse(data);
        if (parsed.success) this.options.onEvent(parsed.data);
      });
      stream.once('response', (response: { statusCode: number }) => {
        if (response.statusCode === 401) return finish({ kind: 'unauthorized' });
        if (response.statusCode === 403) return finish({ kind: 'forbidden' });
        if (response.statusCode >= 400) return finish({ kind: 'ended', carried: false });
        this.connectedFlag = true;
        watch();
      });
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        carried = true;
        watch();
        try {
          parser.push(chunk);
        } catch (error) {
          this.options.logger.warn('the live event stream sent something unreadable', { error: String(error) });
          finish({ kind: 'ended', carried });
        }
      });
      stream.once('end', () => finish({ kind: 'ended', carried }));
      stream.once('error', () => finish({ kind: 'ended', carried }));
    });
  }
}

/** The id of the request an event is about. */
export function requestIdOf(event: RequestEvent): string {
  return event.type === 'request.changed' ? event.request.id : event.requestId;
}
