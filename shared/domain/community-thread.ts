/**
 * A community thread's shape as readers see it: the question's state, and the order of its answers. Both are worked
 * out from the answers a reader may see, so a hidden answer neither answers a question nor keeps it accepted.
 */
import type { QUESTION_STATES } from '../contracts/selfhelp/community.js';

export type QuestionState = (typeof QUESTION_STATES)[number];

export interface AnswerStanding {
  accepted: boolean;
  verified: boolean;
  hidden: boolean;
  /** ISO instant. */
  createdAt: string;
}

/** open: nobody has answered (visibly); answered: someone has; accepted: the asker chose an answer still shown. */
export function stateOf(visibleAnswers: number, acceptedShown: boolean): QuestionState {
  if (acceptedShown) return 'accepted';
  return visibleAnswers > 0 ? 'answered' : 'open';
}

/** The state from the answers themselves, hidden ones included (they count for nothing). */
export function questionState(answers: readonly Pick<AnswerStanding, 'accepted' | 'hidden'>[]): QuestionState {
  const visible = answers.filter((a) => !a.hidden);
  return stateOf(
    visible.length,
    visible.some((a) => a.accepted),
  );
}

/** Accepted first, then verified, then oldest first: the answer most likely to help is read first. */
export function compareAnswers(a: AnswerStanding, b: AnswerStanding): number {
  if (a.accepted !== b.accepted) return a.accepted ? -1 : 1;
  if (a.verified !== b.verified) return a.verified ? -1 : 1;
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}
