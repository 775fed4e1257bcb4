/**
 * The core's remedies speak to every host; in the app the user also wants to know which control does it. Keyed by
 * the error's code, like the CLI's command hints (electron/cli/command-hints.ts).
 */
import { HicareError } from '../../../shared/errors.js';
import { knownWords } from '../inventory/catalog-version.js';

export const NOT_IN_CATALOG_CHECKBOX = 'This version is not in the vendor’s catalog (installed by other means)';

export function withAppRemedy(error: unknown): unknown {
  if (!(error instanceof HicareError) || error.code !== 'VERSION_NOT_IN_CATALOG') return error;
  const known = error.details?.['knownVersions'];
  const words = knownWords(Array.isArray(known) ? known.map(String) : []);
  return new HicareError(
    error.code,
    error.message,
    `${words} For equipment installed by other means, tick “${NOT_IN_CATALOG_CHECKBOX}” and save again.`,
    error.details,
  );
}
