/**
 * Word that something the hot path caches stopped being true: a token or an account is no longer valid (sign-out,
 * a withdrawn key, a disabled account), a customer's contracts or covered systems changed, or a product's line
 * lifecycles or withdrawn releases changed. Whoever changes it
 * announces it: the caches on the same database object hear it at once, and on PostgreSQL a NOTIFY carries it to
 * every other instance and process.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from './connection.js';
import type { Database } from './schema.js';

export const REVOKE_CHANNEL = 'hicare_revoke';

export type Revocation = { kind: 'token' | 'account' | 'customer' | 'product'; id: string };

export type RevocationListener = (revocation: Revocation) => void;

// Keyed by the database object: two portals in one process (tests, the app's demo) keep their caches apart.
const listeners = new WeakMap<object, Set<RevocationListener>>();

export function onRevocation(db: Kysely<Database>, listener: RevocationListener): () => void {
  let set = listeners.get(db);
  if (set === undefined) {
    set = new Set();
    listeners.set(db, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

function tell(db: Kysely<Database>, revocation: Revocation): void {
  for (const listener of [...(listeners.get(db) ?? [])]) listener(revocation);
}

/** `token:<id>`, `account:<id>`, `customer:<id>` or `product:<id>`: the NOTIFY payload. */
export function revocationPayload(revocation: Revocation): string {
  return `${revocation.kind}:${revocation.id}`;
}

export function parseRevocation(payload: string): Revocation | undefined {
  const match = /^(token|account|customer|product):(.{1,200})$/.exec(payload);
  if (match === null) return undefined;
  return { kind: match[1] as Revocation['kind'], id: match[2] ?? '' };
}

/** Called after the revocation is stored. */
export async function announceRevocation(db: Kysely<Database>, revocation: Revocation): Promise<void> {
  tell(db, revocation);
  if (dialectOf(db) === 'postgres')
    await sql`select pg_notify(${REVOKE_CHANNEL}, ${revocationPayload(revocation)})`.execute(db);
}

/** A revocation heard from another instance (a NOTIFY payload); anything unreadable is ignored. */
export function hearRevocation(db: Kysely<Database>, payload: string): void {
  const revocation = parseRevocation(payload);
  if (revocation !== undefined) tell(db, revocation);
}
