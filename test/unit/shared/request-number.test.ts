import { describe, expect, it } from 'vitest';
import { isRequestNumber, normalRequestNumber } from '../../../shared/domain/request-number.js';

describe('request numbers as people quote them', () => {
  it.each([
    ['TAC-2026-000002', true],
    ['tac-2026-000002', true],
    [' TAC-2026-000002 ', true],
    ['TAC-2026-1234567', true],
    ['TAC-2026-00002', false],
    ['TAC-26-000002', false],
    ['REQ-2026-000002', false],
    ['3f2a9c1e-7b7d-4c1e-9a55-1c2b3d4e5f60', false],
    ['', false],
  ])('%j is a request number: %s', (text, expected) => {
    expect(isRequestNumber(text)).toBe(expected);
  });

  it('is written as the portal writes it', () => {
    expect(normalRequestNumber(' tac-2026-000002\n')).toBe('TAC-2026-000002');
  });
});
