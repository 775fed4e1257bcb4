/**
 * The in-process event bus behind the live event stream: whoever changes a request publishes here after the change is
 * stored, and every open stream of this portal instance hears it. One instance only: several instances behind a load
 * balancer would each hear only their own changes, so they would need a shared channel (PostgreSQL LISTEN/NOTIFY on
 * a `request_events` channel, with this bus re-publishing what arrives).
 */
import type { RequestEvent } from '../../shared/contracts/requests.js';

export interface BusEvent {
  /** Increases by one per event of this instance; sent as the SSE `id:` line. */
  id: number;
  /** Whose request it is about: customers hear only their own. */
  customerId: string;
  event: RequestEvent;
}

export type BusListener = (e: BusEvent) => void;

export class RequestEventBus {
  private readonly listeners = new Set<BusListener>();
  private lastId = 0;

  /** Returns the function that ends the subscription. */
  subscribe(listener: BusListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  publish(customerId: string, event: RequestEvent): void {
    this.lastId += 1;
    const e: BusEvent = { id: this.lastId, customerId, event };
    for (const listener of [...this.listeners]) {
      // One broken stream must not keep the others (or the change that published) from going on.
      try {
        listener(e);
      } catch {
        this.listeners.delete(listener);
      }
    }
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }
}
