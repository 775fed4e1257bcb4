/**
 * The rules of the portal's e-mail (DESIGN.md §6.2): which kinds there are, how long a failed send waits before the
 * next try, when a response clock is at risk and which contract-expiry notice is due. Pure, so each is tested by
 * table and the portal's sender only applies them.
 */
import type { Role } from './request-state.js';

export const MAIL_KINDS = ['survey-invitation', 'request-update', 'sla-at-risk', 'contract-expiring'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export function isMailKind(value: unknown): value is MailKind {
  return typeof value === 'string' && (MAIL_KINDS as readonly string[]).includes(value);
}

/**
 * The kinds of mail an account of each role can be sent, so its settings offer only those: the customer admin who
 * opens requests hears of them and of the contract's end, engineers of response clocks at risk. IT staff never act
 * on requests and the vendor's administrators run the outbox, so neither is sent any kind.
 */
const KINDS_BY_ROLE: Readonly<Record<Role, readonly MailKind[]>> = {
  'customer-admin': ['survey-invitation', 'request-update', 'contract-expiring'],
  'it-staff': [],
  engineer: ['sla-at-risk'],
  'portal-admin': [],
};

export function mailKindsFor(role: Role): readonly MailKind[] {
  return KINDS_BY_ROLE[role];
}

/** Catalog select keys cannot hold hyphens. */
export function mailKindKey(kind: MailKind): string {
  return kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_MAX_MS = 6 * 60 * 60_000;
/** After this many failed tries a mail is set aside as failed until an operator retries it (about three days). */
export const MAX_SEND_ATTEMPTS = 16;

/**
 * How long to wait after the `attempts`-th failure: doubling from a minute up to six hours, with "full jitter" in the
 * upper half (`random` in [0, 1)) so that instances coming back together do not hammer the SMTP server in step.
 */
export function backoffDelayMs(attempts: number, random: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** exponent);
  const r = Math.min(Math.max(random, 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}

export const SLA_AT_RISK_SHARE = 0.25;
export const SLA_AT_RISK_FLOOR_MS = 15 * 60_000;

/**
 * Whether a running response clock is at risk: less than a quarter of its target left, or less than 15 minutes,
 * whichever is more warning. An overdue clock is past risk (the queue already shows the breach).
 */
export function slaAtRisk(msLeft: number | null, targetMs: number): boolean {
  if (msLeft === null || msLeft < 0) return false;
  return msLeft <= Math.max(targetMs * SLA_AT_RISK_SHARE, SLA_AT_RISK_FLOOR_MS);
}

export const CONTRACT_EXPIRY_NOTICE_DAYS = [60, 30, 7] as const;
export type ContractExpiryNotice = (typeof CONTRACT_EXPIRY_NOTICE_DAYS)[number];

/**
 * The notice due when `daysToEnd` days remain before the contract's last day (0 on the last day): the nearest
 * threshold not yet passed. A scan that missed the 60-day day sends the 30-day notice, not both.
 */
export function contractExpiryNotice(daysToEnd: number): ContractExpiryNotice | null {
  if (daysToEnd < 0) return null;
  let due: ContractExpiryNotice | null = null;
  for (const days of CONTRACT_EXPIRY_NOTICE_DAYS) if (daysToEnd <= days) due = days;
  return due;
}

/** How long a survey link can be used. */
export const SURVEY_LINK_DAYS = 30;
