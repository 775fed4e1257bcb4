/**
 * Which view of a download to keep when two arrive out of order. A call's answer (start, pause, resume) and the
 * downloads.changed events travel on different channels: a small package can finish, with its events delivered,
 * before the answer saying "queued" arrives; a list loaded at start can cross the events that follow it. The host
 * raises a download's revision on every change, so the newer view is simply the one with the higher revision.
 */
import type { DownloadView } from '../../../shared/contracts/app-views.js';

export function mergeDownload(existing: DownloadView | undefined, incoming: DownloadView): DownloadView {
  return existing === undefined || incoming.revision >= existing.revision ? incoming : existing;
}
