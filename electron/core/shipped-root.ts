/**
 * Where the vendor's root shipped with the app lies. The same code runs from three layouts: the sources
 * (electron/core/shipped-root.ts under tsx: tests, the CLI, the web host), the bundled main process
 * (dist/electron/main.js), and a packaged app, where electron-builder copies resources/trust into the app's resources
 * folder (extraResources). This file sits two folders below the project as the bundle does, so one relative path
 * serves the first two.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function shippedRootCandidates(moduleUrl: string, resourcesPath: string | undefined): string[] {
  const inProject = fileURLToPath(new URL('../../resources/trust/root.json', moduleUrl));
  return resourcesPath === undefined ? [inProject] : [join(resourcesPath, 'trust', 'root.json'), inProject];
}

/** The first candidate that exists; the project's when none does (its absence is reported when it is read). */
export function locateShippedRoot(
  moduleUrl: string,
  resourcesPath: string | undefined,
  exists: (path: string) => boolean = existsSync,
): string {
  const candidates = shippedRootCandidates(moduleUrl, resourcesPath);
  return candidates.find(exists) ?? (candidates.at(-1) as string);
}

/** Electron sets process.resourcesPath; plain Node does not. */
export const SHIPPED_ROOT = locateShippedRoot(import.meta.url, (process as { resourcesPath?: string }).resourcesPath);
