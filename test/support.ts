/** Helpers shared by the unit tests. */
import { join } from 'node:path';
import { expect } from 'vitest';
import { HicareError } from '../shared/errors.js';
import { silentLogger, type HostAdapter } from '../electron/core/adapters.js';

/** The code of the HicareError `fn` throws; also checks that the error tells the user what to do. */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof HicareError) {
      expect(e.remedy.length).toBeGreaterThan(0);
      return e.code;
    }
    throw e;
  }
  throw new Error('expected a HicareError, nothing was thrown');
}

/** A host adapter over a temp directory with a fixed clock and no secrets. */
export function testHost(dir: string, kind: HostAdapter['kind']): HostAdapter {
  return {
    kind,
    appName: 'Hi-Care Update Manager',
    appVersion: '1.2.3',
    platform: 'linux-x64',
    paths: { dataDirectory: dir, downloadDirectory: join(dir, 'downloads') },
    clock: { now: () => new Date('2025-03-01T12:00:00Z') },
    logger: silentLogger,
    secrets: { get: async () => null, set: async () => {}, delete: async () => {} },
  };
}
