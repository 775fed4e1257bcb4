/**
 * Text a community post may carry. Control characters have no place in something people read (and PostgreSQL cannot
 * store NUL at all), so they are refused rather than dropped: the author sees what to correct. Line breaks and tabs
 * are how Markdown is written, so they stay.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}
