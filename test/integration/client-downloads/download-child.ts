/**
 * A separate process that downloads one package and prints its progress, one JSON line per report, so a test can
 * kill it mid-download (as a crash or a closed laptop would) and resume in another process.
 * Usage: node --import tsx download-child.ts '{"cacheDir":…,"url":…,"target":{…}}'
 */
import { DownloadManager } from '../../../electron/core/downloads/index.js';
import type { DownloadTarget } from '../../../electron/core/downloads/index.js';

const { cacheDir, url, target } = JSON.parse(process.argv[2] ?? '{}') as {
  cacheDir: string;
  url: string;
  target: DownloadTarget;
};
const manager = new DownloadManager({ cacheDir });
manager.on('progress', (e) => process.stdout.write(`${JSON.stringify({ receivedBytes: e.receivedBytes })}\n`));
await manager.download({ target, url }).done;
process.stdout.write(`${JSON.stringify({ done: true })}\n`);
