/**
 * Which view of a download to keep when two arrive out of order. A call's answer (start, pause, resume) and the
 * downloads.changed events travel on different channels: a small package can finish, with its events delivered,
 * before the answer saying "queued" arrives. Events are kept in order by the host; a call's answer never takes a
 * download back from finished or verifying to an earlier stage, nor its byte count backwards.
 */
import type { DownloadView } from '../../../shared/contracts/app-views.js';

/** States a call's answer may not replace, and the earlier ones it would wrongly go back to. */
const NOT_BACK_TO: Partial<Record<DownloadView['state'], readonly DownloadView['state'][]>> = {
  done: ['queued', 'downloading', 'paused', 'verifying', 'failed'],
  cancelled: ['queued', 'downloading', 'paused', 'verifying', 'failed'],
  verifying: ['queued', 'downloading', 'paused'],
  downloading: ['queued'],
};

export function mergeDownload(existing: DownloadView | undefined, incoming: DownloadView, from: 'event' | 'call'): DownloadView {
  if (existing === undefined || from === 'event') return incoming;
  // A paused or failed download may be resumed, so a call's "queued" after those is news.
  if (NOT_BACK_TO[existing.state]?.includes(incoming.state) === true) return existing;
  if (incoming.state === existing.state && incoming.receivedBytes < existing.receivedBytes) return existing;
  return incoming;
}
