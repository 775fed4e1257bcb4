/** tuf-js's failures in the user's words: which attack or fault the refusal stands for, and that nothing was used. */
import { HicareError } from '../../../shared/errors.js';

/**
 * tuf-js wraps every failure of the snapshot and targets files in a RuntimeError whose text is all that is left of the
 * original ("Unable to load snapshot metadata error Error: Expected hash …"), so a mixed-up or forged snapshot would
 * otherwise get the catch-all message. The inner text says which refusal it was.
 */
const WRAPPED = /^Unable to load (?:(snapshot) metadata|(targets)) error (?:\w*Error: )?([\s\S]*)$/;
const WRAPPED_CAUSES: readonly [RegExp, string][] = [
  [
    /Expected (?:hash|length)|Max length reached|does not match snapshot version|doesn't match timestamp/,
    'LengthOrHashMismatchError',
  ],
  [/signed by \d+\/\d+ keys|signature/, 'UnsignedMetadataError'],
  [/is less than current version/, 'BadVersionError'],
  [/is expired/, 'ExpiredMetadataError'],
];

/** Which metadata file a wrapped failure was about, when tuf-js says so. */
type Role = 'snapshot' | 'targets' | 'unknown';

function unwrapped(name: string, message: string): { name: string; message: string; role: Role } {
  const match = name === 'RuntimeError' ? WRAPPED.exec(message) : null;
  if (match === null) return { name, message, role: 'unknown' };
  const inner = match[3] ?? '';
  const cause = WRAPPED_CAUSES.find(([pattern]) => pattern.test(inner))?.[1];
  const role: Role = match[1] === 'snapshot' ? 'snapshot' : match[2] === 'targets' ? 'targets' : 'unknown';
  return cause === undefined
    ? { name, message, role: 'unknown' }
    : { name: cause, message: `${match[1] ?? match[2] ?? 'metadata'}: ${inner}`, role };
}

/**
 * tuf-js's own text is for the log (details); the sentence names the refusal and, when known, the file — for a
 * product's delegated role (`product`), that product's signed list of releases.
 */
export function trustError(error: unknown, portal: string, product?: string): HicareError {
  if (error instanceof HicareError) return error;
  const thrown = (error as { constructor?: { name?: string } }).constructor?.name ?? '';
  const unwrappedError = unwrapped(thrown, error instanceof Error ? error.message : String(error));
  const { name, message } = unwrappedError;
  const role = product === undefined ? unwrappedError.role : 'product';
  const code = (error as { code?: string }).code ?? '';
  const named = product === undefined ? {} : { product };
  const details = { cause: name, detail: message.slice(0, 300), ...named };
  const params = { role, ...named };
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH/.test(code + message)) {
    return new HicareError('OFFLINE.trustUnreachable', { portal }, details);
  }
  switch (name) {
    case 'ExpiredMetadataError':
      return new HicareError('TRUST_METADATA_INVALID.expired', params, details);
    case 'BadVersionError':
    case 'EqualVersionError':
      return new HicareError('TRUST_METADATA_INVALID.rollback', params, details);
    case 'UnsignedMetadataError':
      return new HicareError('UNTRUSTED_PORTAL.unsignedMetadata', params, details);
    case 'LengthOrHashMismatchError':
    case 'DownloadLengthMismatchError':
      return new HicareError('TRUST_METADATA_INVALID.mixed', params, details);
    default:
      return new HicareError('TRUST_METADATA_INVALID.unverified', {}, details);
  }
}
