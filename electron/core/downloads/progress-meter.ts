/**
 * Turns a stream of byte counts into what a progress bar shows: at most one report per interval, a speed smoothed
 * with an exponential moving average (a burst or a stall of a few hundred milliseconds does not swing it), and the
 * time left at that speed.
 */
import type { Clock } from '../adapters.js';

export interface ProgressFigures {
  bytesPerSecond: number;
  etaSeconds: number | null;
}

export class ProgressMeter {
  private lastAt: number | undefined;
  private lastTransferred = 0;
  private speed: number | undefined;

  constructor(
    private readonly total: number,
    private readonly clock: Clock,
    private readonly intervalMs = 100,
    /** How far back the average reaches, roughly. */
    private readonly smoothingMs = 2000,
  ) {}

  /** Starts a new measurement (after a pause or a retry wait, the idle time is not speed). */
  restart(transferred: number): void {
    this.lastAt = this.clock.now().getTime();
    this.lastTransferred = transferred;
  }

  /**
   * The figures to report now, or undefined if the last report is too recent. `transferred` only grows (bytes that
   * came over the network), `received` is what the part holds and can drop when a download starts over.
   */
  sample(received: number, transferred: number, force = false): ProgressFigures | undefined {
    const now = this.clock.now().getTime();
    if (this.lastAt === undefined) {
      this.restart(transferred);
      if (!force) return undefined;
    }
    const elapsed = now - (this.lastAt ?? now);
    if (!force && elapsed < this.intervalMs) return undefined;
    if (elapsed > 0) {
      const instant = ((transferred - this.lastTransferred) * 1000) / elapsed;
      const weight = 1 - Math.exp(-elapsed / this.smoothingMs);
      this.speed = this.speed === undefined ? instant : this.speed + weight * (instant - this.speed);
      this.lastAt = now;
      this.lastTransferred = transferred;
    }
    const speed = this.speed ?? 0;
    const left = Math.max(0, this.total - received);
    return {
      bytesPerSecond: Math.round(speed),
      etaSeconds: left === 0 ? 0 : speed > 0 ? Math.ceil(left / speed) : null,
    };
  }
}
