/** The client's download manager: verified packages into a content-addressed cache (DESIGN.md §5). */
export { DownloadManager, type DownloadManagerTuning } from './download-manager.js';
export { statfsFreeSpace, SPACE_HEADROOM } from './free-space.js';
export type {
  DownloadEvents,
  DownloadHandle,
  DownloadJob,
  DownloadManagerOptions,
  DownloadResult,
  DownloadState,
  DownloadTarget,
  ProgressEvent,
  RequestOptions,
  RetryEvent,
  StateEvent,
} from './types.js';
