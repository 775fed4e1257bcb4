/**
 * A service request's number as people quote it on the phone and in e-mail (`TAC-2026-000002`): TAC, the year it
 * was opened and its sequence in that year. Ids are for machines; anywhere a person names a request, a number works.
 */
const REQUEST_NUMBER = /^TAC-\d{4}-\d{6,}$/;

/** Whether `text` is written as a request number (case and surrounding blanks do not matter). */
export function isRequestNumber(text: string): boolean {
  return REQUEST_NUMBER.test(normalRequestNumber(text));
}

/** The number as the portal writes it: `tac-2026-000002 ` → `TAC-2026-000002`. */
export function normalRequestNumber(text: string): string {
  return text.trim().toUpperCase();
}
