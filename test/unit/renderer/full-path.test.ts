/** The window's check of a typed path before it asks the host: full paths of every desktop, nothing relative. */
import { describe, expect, it } from 'vitest';
import { fileNameOf, isFullPath } from '../../../renderer/src/screens/downloads/full-path.js';

describe('a typed path', () => {
  it.each([
    '/media/usb/site.hicare',
    'C:\\Users\\it\\site.hicare',
    'd:/exports',
    '\\\\server\\share\\site',
    '  /tmp/x  ',
  ])('%s is a full path', (path) => expect(isFullPath(path)).toBe(true));

  it.each(['site.hicare', './site', '../site', 'C:site', '~/site', '', '\\\\', 'usb/site'])('%s is not', (path) =>
    expect(isFullPath(path)).toBe(false),
  );

  it('names the file at the end of a path or catalog name', () => {
    expect(fileNameOf('beacon/2.1.4/linux-x64/beacon-2.1.4-linux-x64.tar.gz')).toBe('beacon-2.1.4-linux-x64.tar.gz');
    expect(fileNameOf('C:\\exports\\site.hicare')).toBe('site.hicare');
  });
});
