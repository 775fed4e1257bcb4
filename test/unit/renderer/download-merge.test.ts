import { describe, expect, it } from 'vitest';
import { mergeDownload } from '../../../renderer/src/lib/download-merge.js';
import type { DownloadView } from '../../../shared/contracts/app-views.js';

const view = (state: DownloadView['state'], revision: number, receivedBytes = 0): DownloadView => ({
  id: 'd1',
  targetName: 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz',
  serialNumber: 'S1',
  state,
  receivedBytes,
  totalBytes: 1_000,
  bytesPerSecond: 0,
  etaSeconds: null,
  verified: state === 'done',
  error: null,
  revision,
});

describe('a download seen through events, call answers and the list, arriving out of order', () => {
  it.each([
    [
      'a late "queued" answer to the start does not undo a finished download',
      view('done', 5, 1_000),
      view('queued', 1),
      'done',
    ],
    ['nor one that got going', view('downloading', 3, 500), view('queued', 1), 'downloading'],
    [
      'nor take a verifying one back to downloading',
      view('verifying', 7, 1_000),
      view('downloading', 4, 400),
      'verifying',
    ],
    ['a cancel stays cancelled', view('cancelled', 9), view('downloading', 6, 10), 'cancelled'],
    ['the answer to pause shows at once', view('downloading', 4, 500), view('paused', 5, 500), 'paused'],
    ['a resumed paused download is news', view('paused', 5, 500), view('queued', 6, 500), 'queued'],
    ['a retried failed download is news', view('failed', 5, 500), view('queued', 6, 500), 'queued'],
    // A download may legitimately go from done back to queued only as a new revision: that is shown.
    ['a newer revision wins whatever its state', view('done', 5, 1_000), view('queued', 6), 'queued'],
  ])('%s', (_what, existing, incoming, shown) => {
    expect(mergeDownload(existing, incoming).state).toBe(shown);
  });

  it('progress never goes backwards on a late answer', () => {
    expect(mergeDownload(view('downloading', 8, 800), view('downloading', 3, 300)).receivedBytes).toBe(800);
    expect(mergeDownload(view('downloading', 8, 800), view('downloading', 9, 900)).receivedBytes).toBe(900);
  });

  it('the first view of a download is taken as it is', () => {
    expect(mergeDownload(undefined, view('queued', 1)).state).toBe('queued');
  });
});
