/** The facts about this computer a support engineer asks first when an installation fails. */
import { statfs } from 'node:fs/promises';
import { arch, freemem, hostname, release, totalmem, type } from 'node:os';
import { dirname } from 'node:path';

export interface SystemInfo {
  os: { type: string; release: string; platform: string; arch: string };
  hostname: string;
  freeMemoryBytes: number;
  totalMemoryBytes: number;
  /** Free space for an unprivileged user on the disk holding the install folder; null if it cannot be read. */
  freeDiskBytes: number | null;
  nodeVersion: string;
}

/** Free space at `path`, or at its nearest existing parent when the folder is not created yet. */
export async function freeDiskBytes(path: string): Promise<number | null> {
  let at = path;
  for (;;) {
    try {
      const s = await statfs(at);
      return s.bavail * s.bsize;
    } catch {
      const up = dirname(at);
      if (up === at) return null;
      at = up;
    }
  }
}

export async function systemInfo(installDir: string): Promise<SystemInfo> {
  return {
    os: { type: type(), release: release(), platform: process.platform, arch: arch() },
    hostname: hostname(),
    freeMemoryBytes: freemem(),
    totalMemoryBytes: totalmem(),
    freeDiskBytes: await freeDiskBytes(installDir),
    nodeVersion: process.version,
  };
}
