/**
 * The shape of a message catalog: nested namespaces of ICU MessageFormat strings. Every language's catalog has
 * exactly the shape of the English one; `SameShape` makes a missing or extra key a compile error, and the parity
 * test says which key.
 */

export interface Messages {
  readonly [key: string]: string | Messages;
}

/** The English catalog's shape with every text free: what another language must fill in, key for key. */
export type SameShape<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };

/** Every dotted key path of a catalog type: a key that is not in the English catalog fails to compile. */
export type KeyPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${KeyPaths<T[K]>}`;
}[keyof T & string];

/** Values a message may interpolate; they travel in error bodies, so they stay JSON. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Every key path of a catalog, dotted: `app.nav.systems`. */
export function messageKeys(messages: Messages, prefix = ''): string[] {
  const keys: string[] = [];
  for (const [name, value] of Object.entries(messages)) {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    if (typeof value === 'string') keys.push(path);
    else keys.push(...messageKeys(value, path));
  }
  return keys;
}

/** The text at a dotted key, or undefined. */
export function messageAt(messages: Messages, key: string): string | undefined {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * Parts of one namespace written in separate files (errors of the domain, the client, the portal) joined into one;
 * a key written twice is a mistake, so it throws instead of letting one text win silently.
 */
export function joinMessages<A extends Messages, B extends Messages>(a: A, b: B, at = ''): A & B {
  const out: Record<string, string | Messages> = { ...a };
  for (const [name, value] of Object.entries(b)) {
    const existing = out[name];
    if (existing === undefined) out[name] = value;
    else if (typeof existing === 'string' || typeof value === 'string') {
      throw new Error(`Catalog key ${at}${name} is written twice.`);
    } else out[name] = joinMessages(existing, value, `${at}${name}.`);
  }
  return out as A & B;
}

type Intersection<T extends readonly unknown[]> = T extends readonly [infer H, ...infer R]
  ? H & Intersection<R>
  : unknown;

/** Every part of one namespace joined, in order (see joinMessages). */
export function joinAll<T extends readonly Messages[]>(...parts: T): Intersection<T> {
  return parts.reduce<Messages>((joined, part) => joinMessages(joined, part), {}) as Intersection<T>;
}
