/**
 * What an action on a request must carry besides its name (DESIGN.md §3.4): an engineer proposes a solution by writing
 * it, and a customer who rejects one says why. Anything else carries no note, so a solution can never be attached to
 * an action that would drop it silently.
 */
import { HicareError } from '../errors.js';
import type { RequestAction } from './request-state.js';

export const SOLUTION_MAX_CHARS = 20_000;
export const REJECTION_REASON_MAX_CHARS = 5_000;

export interface ActionNote {
  /** The proposed solution, in the engineer's words. */
  solution?: { text: string; attachmentId?: string | undefined } | undefined;
  /** Why the proposed solution did not work, in the customer's words. */
  reason?: string | undefined;
}

/** Which note an action needs: 'solution', 'reason' or none. */
export function noteRequiredBy(action: RequestAction): 'solution' | 'reason' | null {
  if (action === 'propose-solution') return 'solution';
  if (action === 'reject-solution') return 'reason';
  return null;
}

function blank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** Refuses an action whose note is missing, blank or not wanted; changes nothing. */
export function assertActionNote(action: RequestAction, note: ActionNote): void {
  const needed = noteRequiredBy(action);
  if (needed === 'solution' && blank(note.solution?.text)) {
    throw new HicareError('SOLUTION_REQUIRED', {}, { action });
  }
  if (needed === 'reason' && blank(note.reason)) {
    throw new HicareError('REJECTION_REASON_REQUIRED', {}, { action });
  }
  if (needed !== 'solution' && note.solution !== undefined) {
    throw new HicareError('ACTION_NOTE_NOT_EXPECTED.solution', {}, { action });
  }
  if (needed !== 'reason' && note.reason !== undefined) {
    throw new HicareError('ACTION_NOTE_NOT_EXPECTED.reason', {}, { action });
  }
}
