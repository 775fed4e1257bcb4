/**
 * How a system's platform is named everywhere: the catalog's operating system and architecture joined by a dash,
 * `linux-x64`. Contracts, inventories, verdicts and the releases' platform lists compare these strings, so they are
 * built here and nowhere else.
 */

/** `linux-x64` from `linux` and `x64`. */
export function platformKey(os: string, arch: string): string {
  return `${os}-${arch}`;
}
