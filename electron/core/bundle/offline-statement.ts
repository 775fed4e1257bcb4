/**
 * The entitlement statement a bundle carries, checked against the root this machine trusts: signed by a threshold
 * of the portal's timestamp keys (the keys that vouch for freshness online vouch for the issue date offline), in
 * date, and covering this system. The signature covers the canonical JSON of `signed` exactly as stored.
 */
import { createPublicKey, verify } from 'node:crypto';
import { canonicalize } from '@tufjs/canonical-json';
import type { Metadata, Root } from '@tufjs/models';
import { SignedStatementSchema, type EntitlementStatement } from '../../../shared/contracts/bundle.js';
import { HicareError } from '../../../shared/errors.js';

/** How far a statement's issue date may lie ahead of this machine's clock before the clock or the statement is wrong. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Parses the stored bytes; the raw `signed` object is kept, since the signature covers it and not a re-parse. */
export function readStatement(bytes: Buffer): {
  statement: EntitlementStatement;
  raw: unknown;
  signatures: { keyid: string; sig: string }[];
} {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new HicareError('STATEMENT_INVALID.malformed');
  }
  const parsed = SignedStatementSchema.safeParse(json);
  if (!parsed.success) throw new HicareError('STATEMENT_INVALID.malformed');
  const { signed, signatures } = parsed.data;
  if (Date.parse(signed.validUntil) <= Date.parse(signed.issuedAt))
    throw new HicareError('STATEMENT_INVALID.malformed');
  return { statement: signed, raw: (json as { signed: unknown }).signed, signatures };
}

function ed25519Valid(publicHex: string, data: Buffer, sigHex: string): boolean {
  try {
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicHex, 'hex').toString('base64url') },
      format: 'jwk',
    });
    return verify(null, data, key, Buffer.from(sigHex, 'hex'));
  } catch {
    return false;
  }
}

/** Distinct keys of the root's timestamp role that signed; a threshold of them must have. */
export function checkStatementSignature(
  root: Metadata<Root>,
  raw: unknown,
  signatures: readonly { keyid: string; sig: string }[],
): void {
  const role = root.signed.roles['timestamp'];
  if (role === undefined) throw new HicareError('STATEMENT_INVALID.unsigned');
  const data = Buffer.from(canonicalize(raw as Parameters<typeof canonicalize>[0]));
  const valid = new Set<string>();
  for (const { keyid, sig } of signatures) {
    if (!role.keyIDs.includes(keyid) || valid.has(keyid)) continue;
    const key = root.signed.keys[keyid];
    const publicHex = key?.keyVal['public'];
    if (key?.keyType !== 'ed25519' || typeof publicHex !== 'string') continue;
    if (ed25519Valid(publicHex, data, sig)) valid.add(keyid);
  }
  if (valid.size < role.threshold) throw new HicareError('STATEMENT_INVALID.unsigned');
}

/** The statement's dates against this machine's clock: issued not in its future, valid until now at least. */
export function checkStatementDates(statement: EntitlementStatement, now: Date): void {
  if (Date.parse(statement.issuedAt) > now.getTime() + CLOCK_SKEW_MS) {
    throw new HicareError('STATEMENT_INVALID.issuedInFuture', {
      issuedAt: statement.issuedAt,
      nowAt: now.toISOString(),
    });
  }
  if (now.getTime() > Date.parse(statement.validUntil)) {
    throw new HicareError('STATEMENT_EXPIRED.validUntil', { validUntilAt: statement.validUntil });
  }
}

/** The system (and, when the machine knows it, its contract) the bundle is used for must be the statement's. */
export function checkStatementCovers(
  statement: EntitlementStatement,
  expect: { serial?: string | undefined; contracts?: readonly string[] | undefined },
): void {
  if (expect.serial !== undefined && !statement.serials.includes(expect.serial)) {
    throw new HicareError(
      'STATEMENT_INVALID.otherSerial',
      { serial: expect.serial, serials: statement.serials.join(', ') },
      { serial: expect.serial },
    );
  }
  if (
    expect.contracts !== undefined &&
    expect.contracts.length > 0 &&
    !expect.contracts.includes(statement.contract.id)
  ) {
    throw new HicareError('STATEMENT_INVALID.otherContract', {
      contract: expect.contracts.join(', '),
      statementContract: statement.contract.id,
    });
  }
}
