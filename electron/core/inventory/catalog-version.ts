/**
 * Which versions an admin may enter for a system: those of the product in the signed catalog (any platform, since
 * remote equipment may run another one than this desktop), or any other the admin confirms is not in the catalog
 * (equipment installed by other means) — recorded with that mark, so it is never taken for an up-to-date release.
 */
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { productLabel } from '../../../shared/domain/product-label.js';
import { compareVersions, parseVersion } from '../../../shared/domain/release.js';
import { HicareError } from '../../../shared/errors.js';

/** The product's versions in the catalog, oldest first. */
export function catalogVersions(targets: readonly ReleaseTarget[], product: string): string[] {
  return [...new Set(targets.filter((t) => t.custom.product === product).map((t) => t.custom.version))].sort(
    compareVersions,
  );
}

/**
 * Whether the version is to be marked as outside the catalog; refused (VERSION_NOT_IN_CATALOG) when it is outside
 * and not confirmed. The remedy is the hosts' to word: the app names its checkbox, the CLI its flag.
 */
export function checkEnteredVersion(
  targets: readonly ReleaseTarget[],
  system: { serialNumber: string; product: string },
  version: string,
  confirmed: boolean,
): { notInCatalog: boolean } {
  parseVersion(version);
  const known = catalogVersions(targets, system.product);
  if (known.includes(version)) return { notInCatalog: false };
  if (confirmed) return { notInCatalog: true };
  throw new HicareError(
    'VERSION_NOT_IN_CATALOG',
    `${version} is not a version of ${productLabel(system.product)} in the vendor's catalog; nothing was changed.`,
    `${knownWords(known)} If the equipment runs a version installed by other means, confirm that it is not in the vendor's catalog.`,
    { serialNumber: system.serialNumber, product: system.product, version, knownVersions: known },
  );
}

export function knownWords(known: readonly string[]): string {
  return known.length === 0
    ? 'The catalog lists no version of this product yet.'
    : `The catalog's versions are ${known.join(', ')}.`;
}
