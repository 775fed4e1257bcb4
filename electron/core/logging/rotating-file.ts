/**
 * A log file that never grows past a size: when the next line would push `app.log` past `maxBytes`, the files move up
 * one (`app.log` → `app.log.1` → … ) and the oldest beyond `maxFiles` is deleted. Writes are synchronous: the app logs
 * a few lines a minute, and a line written before a crash is the one a support bundle needs most.
 *
 * The CLI and a running app may share one data directory, so the size is read from the path before each write and
 * the file is reopened when another process rotated it away; appends (O_APPEND) keep their lines whole.
 */
import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface RotationLimits {
  /** The most one file holds before the next line starts a new one. */
  maxBytes: number;
  /** The current file and its rotated predecessors, together. */
  maxFiles: number;
}

export const DEFAULT_ROTATION: RotationLimits = { maxBytes: 5 * 1024 * 1024, maxFiles: 5 };

/** The files a log at `path` may have, newest first: `app.log`, `app.log.1`, … */
export function rotatedNames(path: string, limits: RotationLimits = DEFAULT_ROTATION): string[] {
  return Array.from({ length: limits.maxFiles }, (_, i) => (i === 0 ? path : `${path}.${i}`));
}

function sizeAt(path: string): { size: number; ino: number } | null {
  try {
    const s = statSync(path);
    return { size: s.size, ino: s.ino };
  } catch {
    return null;
  }
}

export class RotatingFile {
  private fd: number | null = null;

  constructor(
    readonly path: string,
    private readonly limits: RotationLimits = DEFAULT_ROTATION,
  ) {}

  write(text: string): void {
    const bytes = Buffer.byteLength(text);
    const current = sizeAt(this.path);
    if (current !== null && current.size > 0 && current.size + bytes > this.limits.maxBytes) this.rotate();
    else if (this.fd !== null && (current === null || current.ino !== fstatSync(this.fd).ino)) this.reopen();
    if (this.fd === null) this.reopen();
    writeSync(this.fd as number, text);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private reopen(): void {
    this.close();
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    // 0600: the lines are redacted, but what a customer's desktop did is still theirs.
    this.fd = openSync(this.path, 'a', 0o600);
  }

  private rotate(): void {
    this.close();
    const names = rotatedNames(this.path, this.limits);
    rmSync(names[names.length - 1] as string, { force: true });
    for (let i = names.length - 2; i >= 0; i--) {
      const from = names[i] as string;
      // Another process may have rotated between our stat and here: a name already moved is simply not there.
      if (sizeAt(from) !== null) renameSync(from, names[i + 1] as string);
    }
    this.reopen();
  }
}
