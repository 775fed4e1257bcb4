/** What `hicare` draws on a terminal: the progress bar of a download. */
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../../electron/cli/render.js';

describe('progressLine', () => {
  it('shows the share done, the bytes, the speed, the time left and the file name', () => {
    const line = progressLine(
      {
        id: 'x',
        name: 'atlas/2.3.1/linux-x64/atlas-2.3.1-linux-x64.tar.gz',
        receivedBytes: 45_000_000,
        totalBytes: 100_000_000,
        bytesPerSecond: 12_000_000,
        etaSeconds: 4.6,
      },
      20,
    );
    expect(line).toBe('[#########...........]  45%  45.0 MB/100.0 MB  12.0 MB/s  ETA 5s  atlas-2.3.1-linux-x64.tar.gz');
  });
  it('is full at the end and leaves the time out when it is unknown', () => {
    expect(
      progressLine(
        { id: 'x', name: 'p.tgz', receivedBytes: 10, totalBytes: 10, bytesPerSecond: 0, etaSeconds: null },
        4,
      ),
    ).toBe('[####] 100%  0.0 MB/0.0 MB  0.0 MB/s  p.tgz');
  });
});
