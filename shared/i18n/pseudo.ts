/**
 * The pseudo-locale: the English catalog with every literal letter accented and every message wrapped in ⟦ ⟧.
 * A screen rendered in it shows at a glance (and to a test) any text that did not come from the catalog, and the
 * longer glyphs catch layouts that only fit English. ICU arguments, plural and select syntax are kept as they are.
 */
import type { Messages } from './messages.js';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i] ?? c,
  ]),
);

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

function accent(text: string): string {
  return [...text].map((c) => ACCENTED[c] ?? c).join('');
}

/** Accents the literal text of an ICU message, leaving `{name}`, `{n, plural, one {…} other {…}}` and `#` intact. */
export function pseudoMessage(message: string): string {
  let i = 0;
  // Reads literal text up to an unbalanced `}` (the end of a nested message) or the end.
  const literal = (): string => {
    let out = '';
    while (i < message.length) {
      const c = message.charAt(i);
      if (c === '}') return out;
      if (c === '{') out += argument();
      else if (c === "'" && message.charAt(i + 1) === '{') {
        const end = message.indexOf("'", i + 1);
        const stop = end === -1 ? message.length : end + 1;
        out += message.slice(i, stop);
        i = stop;
      } else {
        out += accent(c);
        i += 1;
      }
    }
    return out;
  };
  // Reads `{name}`, `{name, type, style}` or `{name, plural|select|selectordinal, key {msg} key {msg}}`.
  const argument = (): string => {
    const start = i;
    i += 1;
    let head = '';
    while (i < message.length && message.charAt(i) !== '}' && message.charAt(i) !== '{') {
      head += message.charAt(i);
      i += 1;
    }
    const type = head.split(',')[1]?.trim();
    if (type !== 'plural' && type !== 'select' && type !== 'selectordinal') {
      i += 1;
      return message.slice(start, i);
    }
    let out = `{${head}`;
    while (i < message.length && message.charAt(i) === '{') {
      i += 1;
      out += `{${literal()}}`;
      i += 1;
      while (i < message.length && message.charAt(i) !== '{' && message.charAt(i) !== '}') {
        out += message.charAt(i);
        i += 1;
      }
    }
    i += 1;
    return `${out}}`;
  };
  return `${PSEUDO_OPEN}${literal()}${PSEUDO_CLOSE}`;
}

export function pseudoCatalog<T extends Messages>(messages: T): T {
  const out: Record<string, string | Messages> = {};
  for (const [name, value] of Object.entries(messages)) {
    out[name] = typeof value === 'string' ? pseudoMessage(value) : pseudoCatalog(value);
  }
  return out as T;
}
