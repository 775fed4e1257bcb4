/**
 * A whole translated sentence with some of its values shown as code (`[REDACTED password]`, an address): the
 * sentence is written with a stand-in for each value, then each stand-in becomes a <code> element, so the words
 * around the values stay in the order the language puts them.
 */
import { Fragment } from 'react';

export function Coded({ text, children }: { text: string; children: Readonly<Record<string, string>> }) {
  const marks = Object.keys(children);
  if (marks.length === 0) return <>{text}</>;
  const pattern = new RegExp(`(${marks.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  return (
    <>
      {text.split(pattern).map((part, i) => {
        return Object.hasOwn(children, part) ? (
          <code key={i}>{children[part]}</code>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        );
      })}
    </>
  );
}
