import { describe, expect, it } from 'vitest';
import { mergeDownload } from '../../../renderer/src/lib/download-merge.js';
import type { DownloadView } from '../../../shared/contracts/app-views.js';

const view = (state: DownloadView['state'], receivedBytes = 0): DownloadView => ({
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
});

describe('a download seen through events and call answers that arrive out of order', () => {
  it('a late "queued" answer to the start does not undo a download that already finished or got going', () => {
    expect(mergeDownload(view('done', 1_000), view('queued'), 'call').state).toBe('done');
    expect(mergeDownload(view('verifying', 1_000), view('downloading', 400), 'call').state).toBe('verifying');
    expect(mergeDownload(view('downloading', 500), view('queued'), 'call').state).toBe('downloading');
    expect(mergeDownload(view('cancelled'), view('downloading', 10), 'call').state).toBe('cancelled');
  });

  it('the answer to pause, resume and cancel shows at once', () => {
    expect(mergeDownload(view('downloading', 500), view('paused', 500), 'call').state).toBe('paused');
    expect(mergeDownload(view('paused', 500), view('queued', 500), 'call').state).toBe('queued');
    expect(mergeDownload(view('failed', 500), view('queued', 500), 'call').state).toBe('queued');
    expect(mergeDownload(view('downloading', 500), view('cancelled', 500), 'call').state).toBe('cancelled');
  });

  it('progress never goes backwards on a late answer, and events, which arrive in order, always win', () => {
    expect(mergeDownload(view('downloading', 800), view('downloading', 300), 'call').receivedBytes).toBe(800);
    expect(mergeDownload(view('done', 1_000), view('queued'), 'event').state).toBe('queued');
    expect(mergeDownload(undefined, view('queued'), 'call').state).toBe('queued');
  });
});
