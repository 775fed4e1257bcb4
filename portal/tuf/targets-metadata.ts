/**
 * The targets role as plain JSON. `@tufjs/models` builds and serializes a targets map with an object spread per entry
 * (`reduce((acc, …) => ({ ...acc, … }))` in `Targets.fromJSON`/`toJSON`), which is quadratic: ~10 s at 8,000
 * targets, hours at 100,000. Root, snapshot and timestamp stay small and use the models; targets is parsed, signed
 * and written here in linear time, in exactly the format the models (and tuf-js) read.
 */
import { type Signature } from '@tufjs/models';
import { HicareError } from '../../shared/errors.js';
import { canonicalize } from '@tufjs/canonical-json';
import { type SigningKey } from './keys.js';

export interface TargetEntry {
  length: number;
  hashes: Record<string, string>;
  custom?: unknown;
  [field: string]: unknown;
}

export interface TargetsSigned {
  _type: 'targets';
  spec_version: string;
  version: number;
  expires: string;
  targets: Record<string, TargetEntry>;
  [field: string]: unknown;
}

export interface TargetsDocument {
  signed: TargetsSigned;
  signatures: { keyid: string; sig: string }[];
}

export function emptyTargets(specVersion: string, expires: string): TargetsSigned {
  return { _type: 'targets', spec_version: specVersion, version: 1, expires, targets: {} };
}

/** The entry under `name`, if that name is published (never an inherited property such as `constructor`). */
export function targetEntry(signed: TargetsSigned, name: string): TargetEntry | undefined {
  return Object.hasOwn(signed.targets, name) ? signed.targets[name] : undefined;
}

export function signTargets(signed: TargetsSigned, key: SigningKey): TargetsDocument {
  const signature: Signature = key.signer(Buffer.from(canonicalize(signed)));
  return { signed, signatures: [{ keyid: signature.keyID, sig: signature.sig }] };
}

export function serializeTargets(document: TargetsDocument): Buffer {
  // Compact: the file grows with every release and its layout carries no meaning (signatures cover canonical JSON).
  return Buffer.from(`${JSON.stringify({ signatures: document.signatures, signed: document.signed })}\n`);
}

export function parseTargets(text: string, source: string): TargetsDocument {
  const data = JSON.parse(text) as Partial<TargetsDocument> | null;
  const signed = data?.signed;
  const wellFormed =
    signed !== undefined &&
    signed._type === 'targets' &&
    Number.isSafeInteger(signed.version) &&
    typeof signed.expires === 'string' &&
    typeof signed.targets === 'object' &&
    signed.targets !== null &&
    Array.isArray(data?.signatures);
  if (!wellFormed) {
    throw new HicareError('INTERNAL.tufNotTargets', { source }, { source });
  }
  return data as TargetsDocument;
}
