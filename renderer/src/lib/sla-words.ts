/**
 * The response-time SLA of a request as a countdown: due time, time left (ticking), met or breached. The portal
 * computed `msLeft` when it answered; the app recounts from `dueAt` so the countdown stays true between reloads.
 */
import type { z } from 'zod';
import type { SlaViewSchema } from '../../../shared/contracts/requests.js';
import { formatDuration } from './format.js';
import type { Tone } from './verdict-words.js';

export type SlaView = z.infer<typeof SlaViewSchema>;

export interface SlaCountdown {
  label: string;
  tone: Tone;
  /** Milliseconds until due now (negative when overdue); null when the clock is not running. */
  msLeft: number | null;
}

export function slaCountdown(sla: SlaView, now: number): SlaCountdown {
  switch (sla.state) {
    case 'awaiting-acceptance':
      return { label: 'Not accepted yet: the response clock starts at acceptance', tone: 'info', msLeft: null };
    case 'met':
      return { label: 'Response time met', tone: 'ok', msLeft: null };
    case 'breached':
      if (sla.dueAt === null) return { label: 'Response time breached', tone: 'blocked', msLeft: null };
      break;
    case 'running':
      break;
  }
  const due = sla.dueAt === null ? Number.NaN : Date.parse(sla.dueAt);
  if (!Number.isFinite(due)) return { label: 'Response due time unknown', tone: 'info', msLeft: null };
  // A breach the portal recorded after first contact stays breached; a running clock turns over when it runs out.
  if (sla.state === 'breached' && sla.msLeft === null)
    return { label: 'Response time breached', tone: 'blocked', msLeft: null };
  const msLeft = due - now;
  if (msLeft < 0) return { label: `Overdue by ${formatDuration(-msLeft)}`, tone: 'blocked', msLeft };
  // Under a quarter of an hour left is the point at which an engineer should drop what they are doing.
  return { label: `${formatDuration(msLeft)} left`, tone: msLeft < 15 * 60_000 ? 'warn' : 'ok', msLeft };
}
