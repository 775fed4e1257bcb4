import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandHint } from '../../../electron/cli/command-hints.js';
import { HicareError } from '../../../shared/errors.js';
import { Inventory } from '../../../electron/core/inventory/inventory.js';

describe('command hints on the command line', () => {
  it.each([
    [new HicareError('UNAUTHENTICATED'), 'hicare login --email EMAIL'],
    [new HicareError('TOKEN_EXPIRED'), 'hicare login --email EMAIL'],
    [new HicareError('NOT_FOUND', {}, { serialNumber: 'X' }), 'hicare systems'],
    [new HicareError('NOT_FOUND.noFailure'), 'hicare request create --serial SERIAL --description TEXT --priority P3'],
    [new HicareError('NOT_FOUND'), null],
    [new HicareError('NOT_FOUND', {}, { requestNumber: 'TAC-2026-000099' }), 'hicare request list'],
    [new HicareError('NOT_FOUND', {}, { requestId: 'r-1' }), 'hicare request list'],
    [new HicareError('HASH_MISMATCH'), null],
  ])('%s → %s', (error, hint) => {
    expect(commandHint(error)).toBe(hint);
  });

  it('the core itself names no command: an unknown system reads the same in the app, and the CLI adds the command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hicare-hints-'));
    try {
      const inventory = new Inventory(dir, { now: () => new Date('2026-11-24T10:00:00Z') });
      let caught: unknown;
      try {
        inventory.get('SN-NOPE');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(HicareError);
      const error = caught as HicareError;
      expect(error.code).toBe('NOT_FOUND');
      expect(error.remedy).not.toMatch(/hicare/);
      expect(commandHint(error)).toBe('hicare systems');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
