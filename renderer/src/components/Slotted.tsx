/**
 * A whole translated sentence with one part drawn as an element (a path in <code>, a link): the sentence is one
 * catalog message, whose param is given as SLOT and replaced here, so translators keep the word order their
 * language needs.
 */
import type { ReactNode } from 'react';

/** The param value that marks where the element goes; a character no message or value contains. */
export const SLOT = '\u2063slot\u2063';

export function Slotted({ text, slot }: { text: string; slot: ReactNode }) {
  const at = text.indexOf(SLOT);
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      {slot}
      {text.slice(at + SLOT.length)}
    </>
  );
}
