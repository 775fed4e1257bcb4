/** tuf-js's failures in the user's words: which attack or fault the refusal stands for, and that nothing was used. */
import { HicareError } from '../../../shared/errors.js';

const NOTHING_USED = 'Nothing was downloaded or installed. Try again later; if it persists, report it to the vendor.';

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

function unwrapped(name: string, message: string): { name: string; message: string } {
  const match = name === 'RuntimeError' ? WRAPPED.exec(message) : null;
  if (match === null) return { name, message };
  const inner = match[3] ?? '';
  const cause = WRAPPED_CAUSES.find(([pattern]) => pattern.test(inner))?.[1];
  return cause === undefined
    ? { name, message }
    : { name: cause, message: `${match[1] ?? match[2] ?? 'metadata'}: ${inner}` };
}

export function trustError(error: unknown, portal: string): HicareError {
  if (error instanceof HicareError) return error;
  const thrown = (error as { constructor?: { name?: string } }).constructor?.name ?? '';
  const { name, message } = unwrapped(thrown, error instanceof Error ? error.message : String(error));
  const code = (error as { code?: string }).code ?? '';
  const details = { cause: name, detail: message.slice(0, 300) };
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH/.test(code + message)) {
    return new HicareError(
      'OFFLINE',
      `The portal at ${portal} cannot be reached to check its signed catalog.`,
      'Check your network connection and the portal address.',
      details,
    );
  }
  switch (name) {
    case 'ExpiredMetadataError':
      return new HicareError(
        'TRUST_METADATA_INVALID',
        `The portal's signed catalog has expired (${message}).`,
        `The portal may be serving stale or frozen metadata. ${NOTHING_USED}`,
        details,
      );
    case 'BadVersionError':
    case 'EqualVersionError':
      return new HicareError(
        'TRUST_METADATA_INVALID',
        `The portal offered older signed metadata than this computer has already seen (${message}).`,
        `This looks like a rollback. ${NOTHING_USED}`,
        details,
      );
    case 'UnsignedMetadataError':
      return new HicareError(
        'UNTRUSTED_PORTAL',
        `The portal's metadata is not signed by keys this computer trusts (${message}).`,
        'If this is a different portal, trust its root explicitly (its fingerprint is shown); otherwise report it to the vendor.',
        details,
      );
    case 'LengthOrHashMismatchError':
    case 'DownloadLengthMismatchError':
      return new HicareError(
        'TRUST_METADATA_INVALID',
        `The portal's metadata files do not match each other (${message}).`,
        `This looks like mixed or altered metadata. ${NOTHING_USED}`,
        details,
      );
    default:
      return new HicareError(
        'TRUST_METADATA_INVALID',
        `The portal's signed catalog could not be verified: ${message}`,
        NOTHING_USED,
        details,
      );
  }
}
