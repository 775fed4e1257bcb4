/**
 * The response-time SLA of a request as a countdown: due time, time left (ticking), met or breached. The portal
 * computed `msLeft` when it answered; the app recounts from `dueAt` so the countdown stays true between reloads.
 */
import type { z } from 'zod';
import type { SlaViewSchema } from '../../../shared/contracts/requests.js';
import { translator, type Translate } from '../../../shared/i18n/translator.js';
import { currentLocale } from '../i18n/index.js';
import { formatDuration } from './format.js';
import type { Tone } from './verdict-words.js';

export type SlaView = z.infer<typeof SlaViewSchema>;

export interface SlaCountdown {
  label: string;
  /** What fits in a table row; the full label is on the request itself. */
  short: string;
  tone: Tone;
  /** Milliseconds until due now (negative when overdue); null when the clock is not running. */
  msLeft: number | null;
}

export function slaCountdown(sla: SlaView, now: number, t: Translate = translator(currentLocale())): SlaCountdown {
  const said = (label: string, tone: Tone, msLeft: number | null = null): SlaCountdown => ({
    label,
    short: label,
    tone,
    msLeft,
  });
  switch (sla.state) {
    case 'awaiting-acceptance':
      return { ...said(t('app.requests.sla.notAccepted'), 'info'), short: t('app.requests.sla.notAcceptedShort') };
    case 'met':
      return said(t('app.requests.sla.met'), 'ok');
    case 'breached':
      if (sla.dueAt === null) return said(t('app.requests.sla.breached'), 'blocked');
      break;
    case 'running':
      break;
  }
  const due = sla.dueAt === null ? Number.NaN : Date.parse(sla.dueAt);
  if (!Number.isFinite(due)) return said(t('app.requests.sla.dueUnknown'), 'info');
  // A breach the portal recorded after first contact stays breached; a running clock turns over when it runs out.
  if (sla.state === 'breached' && sla.msLeft === null) return said(t('app.requests.sla.breached'), 'blocked');
  const msLeft = due - now;
  if (msLeft < 0) return said(t('app.requests.sla.overdue', { duration: formatDuration(-msLeft) }), 'blocked', msLeft);
  // Under a quarter of an hour left is the point at which an engineer should drop what they are doing.
  const tone = msLeft < 15 * 60_000 ? 'warn' : 'ok';
  return said(t('app.requests.sla.left', { duration: formatDuration(msLeft) }), tone, msLeft);
}
