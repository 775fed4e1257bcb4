/** What the console and the Settings screen need to show the portal's e-mail: pure, so it is tested without a page. */
import type { MailFailure, MailPreferences, MailStateName } from '../../../shared/contracts/admin/mail.js';
import { MAIL_KINDS, type MailKind } from '../../../shared/domain/mail.js';

/** Only the kinds whose box changed are sent, so a choice made meanwhile elsewhere (an unsubscribe link) stays. */
export function changedKinds(saved: MailPreferences, chosen: MailPreferences): Partial<Record<MailKind, boolean>> {
  const changed: Partial<Record<MailKind, boolean>> = {};
  for (const kind of MAIL_KINDS) if (saved.kinds[kind] !== chosen.kinds[kind]) changed[kind] = chosen.kinds[kind];
  return changed;
}

/** The values the failure sentence reads; a part the server did not give is blank, never "undefined". */
export function failureArgs(failure: MailFailure): { reason: string; server: string; smtpCode: number | string } {
  return { reason: failure.reason, server: failure.server ?? '', smtpCode: failure.smtpCode ?? '' };
}

/** A mail already on its way or delivered cannot be hurried; the portal would refuse it. */
export function canRetry(state: MailStateName): boolean {
  return state === 'queued' || state === 'failed';
}
