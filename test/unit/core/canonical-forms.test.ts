/**
 * Two canonical JSON forms, and why each stays where it is. TUF metadata is signed in the OLPC dialect that
 * `@tufjs/canonical-json` writes: the shipped root's key ids and signature must come out of it unchanged. Operation
 * records are a JSON line each and were hashed with JSON's own string escapes; the OLPC dialect leaves a newline raw
 * and refuses fractions, so re-encoding a record with it would split its line and change its hash.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { canonicalize } from '@tufjs/canonical-json';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  recordHash,
  type JsonValue,
  type OperationRecord,
} from '../../../electron/core/operations/index.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
/** The DER prefix that turns a raw 32-byte Ed25519 key into an SPKI public key. */
const ED25519_SPKI = Buffer.from('302a300506032b6570032100', 'hex');

interface RootFile {
  signed: { keys: Record<string, { keyval: { public: string } }> };
  signatures: { keyid: string; sig: string }[];
}

describe('TUF metadata in the library form', () => {
  const root = JSON.parse(readFileSync('resources/trust/root.json', 'utf8')) as RootFile;

  it('gives every key of the shipped root the id it is listed under', () => {
    for (const [id, key] of Object.entries(root.signed.keys)) expect(sha256(canonicalize(key))).toBe(id);
  });

  it('reproduces the bytes the shipped root was signed over', () => {
    expect(root.signatures.length).toBeGreaterThan(0);
    for (const s of root.signatures) {
      const raw = Buffer.from(root.signed.keys[s.keyid]!.keyval.public, 'hex');
      const key = createPublicKey({ key: Buffer.concat([ED25519_SPKI, raw]), format: 'der', type: 'spki' });
      expect(verify(null, Buffer.from(canonicalize(root.signed)), key, Buffer.from(s.sig, 'hex'))).toBe(true);
    }
  });
});

describe('operation records keep their own form', () => {
  const record = (summary: string, data: JsonValue): Omit<OperationRecord, 'hash'> => ({
    seq: 1,
    at: '2026-03-01T09:00:00.000Z',
    kind: 'install',
    summary,
    data,
    prev: '0'.repeat(64),
  });

  it('agrees with the library on a record of plain words and whole numbers', () => {
    const plain = record('Installed atlas 1.9.0 on CG-ATL-0001', {
      target: 'atlas/1.9.0/linux-x64/atlas.tar.gz',
      durationMs: 4200,
      ok: true,
    });
    expect(canonicalize(plain)).toBe(canonicalJson(plain as unknown as JsonValue));
  });

  it('differs from the library where a record needs it: a newline stays on its line, a fraction is kept', () => {
    const failed = record('Installing atlas 2.3.1 failed', {
      log: 'ERROR: migration failed\nrolled back',
      progress: 0.5,
    });
    const line = canonicalJson(failed as unknown as JsonValue);
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual(failed);
    expect(() => canonicalize(failed)).toThrow();
    expect(canonicalize(record('a\nb', null))).toContain('\n');
  });

  it('still hashes a record exactly as the chain on disk was hashed', () => {
    const written = record('Downloaded beacon 3.1.0 "stable"\tverified', {
      bytes: 1_048_576,
      note: 'C:\\Program Files\\Beacon',
    });
    const expected = sha256(
      '{"at":"2026-03-01T09:00:00.000Z","data":{"bytes":1048576,"note":"C:\\\\Program Files\\\\Beacon"},"kind":"install","prev":"' +
        '0'.repeat(64) +
        '","seq":1,"summary":"Downloaded beacon 3.1.0 \\"stable\\"\\tverified"}',
    );
    expect(recordHash(written)).toBe(expected);
  });
});
