/** The desktop app started as `hicare`: the launchers pass --cli first; everything else opens the window. */
import { describe, expect, it } from 'vitest';
import { cliArguments } from '../../../electron/main/cli-mode.js';

describe('cliArguments', () => {
  it('takes the words after --cli from an installed app', () => {
    expect(cliArguments(['/opt/app/hicare-update-manager', '--cli', 'check', '--json'], false)).toEqual([
      'check',
      '--json',
    ]);
  });
  it('skips the app folder of a development run (electron . --cli)', () => {
    expect(cliArguments(['/x/electron', '.', '--cli', '--version'], true)).toEqual(['--version']);
  });
  it('opens the window otherwise, even when --cli comes later or a link is given', () => {
    expect(cliArguments(['/opt/app/hicare-update-manager'], false)).toBeNull();
    expect(cliArguments(['/opt/app/hicare-update-manager', 'hicare://request/1', '--cli'], false)).toBeNull();
    expect(cliArguments(['/x/electron', '.'], true)).toBeNull();
  });
});
