/**
 * What search and the assistant accept as text. The contracts let long strings through on purpose, so that the
 * refusal is one of these coded errors, worded for the user, rather than a schema message.
 */
import { HicareError } from '../../shared/errors.js';

export const MAX_SEARCH_CHARS = 200;
export const MAX_QUESTION_CHARS = 2_000;

/**
 * Control characters other than tab and line breaks (CR LF, as pasted from Windows): they come from binary pasted
 * by mistake, never from words, and would end up in logs and snippets.
 */
const CONTROL = /[^\P{Cc}\t\n\r]|\r(?!\n)/u;

/** Characters as a reader counts them (a Chinese character or an emoji is one). */
function length(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function checkCharacters(text: string): void {
  if (CONTROL.test(text)) throw new HicareError('INVALID_INPUT.searchTextControl');
}

/** A search text: may be empty (browse); at most 200 characters; no control characters. */
export function checkSearchText(q: unknown): string {
  if (typeof q !== 'string') throw new HicareError('INVALID_INPUT.searchTextMissing');
  if (length(q) > MAX_SEARCH_CHARS)
    throw new HicareError('INVALID_INPUT.searchTextTooLong', { maxChars: MAX_SEARCH_CHARS });
  checkCharacters(q);
  return q;
}

/** A question for the assistant: not blank; at most 2,000 characters; no control characters. */
export function checkAskQuestion(question: unknown): string {
  if (typeof question !== 'string' || question.trim().length === 0) {
    throw new HicareError('INVALID_INPUT.questionEmpty');
  }
  if (length(question) > MAX_QUESTION_CHARS) {
    throw new HicareError('INVALID_INPUT.questionTooLong', { maxChars: MAX_QUESTION_CHARS });
  }
  checkCharacters(question);
  return question;
}
