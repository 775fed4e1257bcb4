import { describe, expect, it } from 'vitest';
import { rangeInWords } from '../../../shared/domain/range-words.js';
import { codeOf } from '../../support.js';

describe('rangeInWords: a minUpgradeFrom range as a person reads it', () => {
  it.each<[string, string, string]>([
    ['a lower bound and a next-but-one major', '>=1.9.0 <3', '1.9.0 or a later 1.x, or any 2.x'],
    ['a lower bound that a second set cannot widen', '>=1.9.0 || ^2', '1.9.0 or later'],
    ['a whole major', '^2', 'any 2.x'],
    ['the rest of a major', '^2.3.0', '2.3.0 or a later 2.x'],
    ['an open lower bound', '>=1.8.0', '1.8.0 or later'],
    ['a minor line', '~1.9', '1.9.0 or later, before 1.10.0'],
    ['an exclusive lower bound', '>1.0.0 <2', 'any 1.x after 1.0.0'],
    ['into a later major', '>=1.9.0 <2.2.0', '1.9.0 or a later 1.x, or any 2.x before 2.2.0'],
    ['two whole majors', '>=1.0.0 <3.0.0', 'any 1.x or 2.x'],
    ['three whole majors', '>=1.0.0 <4.0.0', 'any 1.x to 3.x'],
    ['only an upper bound', '<2.0.0', 'any version before 2.0.0'],
    ['an inclusive upper bound', '<=1.4.2', '1.4.2 or earlier'],
    ['one version', '1.9.0', '1.9.0'],
    ['anything', '*', 'any version'],
    ['an empty interval', '>=1.0.0 <1.0.0', 'no version'],
    ['two separate majors', '^1 || ^3', 'any 1.x, or any 3.x'],
    ['an inclusive bound inside a later major', '>=1.9.0 <=2.4.1', '1.9.0 or a later 1.x, or any 2.x up to 2.4.1'],
    ['part of one major', '>=2.0.0 <2.5.0', 'any 2.x before 2.5.0'],
    ['x-ranges and a lower bound', '1.x || >=2.5.0', 'any 1.x, or 2.5.0 or later'],
  ])('%s: "%s" reads "%s"', (_name, range, words) => {
    expect(rangeInWords(range)).toBe(words);
    expect(words).not.toMatch(/[<>=^~|]/);
  });

  it.each([[''], ['not a range'], ['>=1.9.0 <']])('refuses %j with INVALID_VERSION_RANGE', (range) => {
    expect(codeOf(() => rangeInWords(range))).toBe('INVALID_VERSION_RANGE');
  });
});
