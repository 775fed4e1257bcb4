/**
 * "Export support bundle": what the vendor's support needs to see what this desktop did, in one .tar.gz the customer
 * sends: the app log (every rotated file), the operation records, the failed installations kept for requests, the
 * settings, and which app and platform this is. Every file is redacted (./bundle-redaction.ts) before it is shown
 * or packed, and the customer sees the list with sizes and the redacted text (`preview`) before anything is written.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { release, type } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { HicareError } from '../../../shared/errors.js';
import type { Clock } from '../adapters.js';
import { fileError, withFile } from '../files/file-error.js';
import { APP_LOG_FILE, DEFAULT_ROTATION, logDirectoryOf, rotatedNames } from '../logging/index.js';
import { OPERATION_LOG_FILE, OperationLog } from '../operations/index.js';
import { redactForBundle, redactJsonLines, redactJsonValue } from './bundle-redaction.js';
import { tarGz } from './tar-gz.js';

/** How much of each file the preview shows; the bundle holds all of it. */
export const PREVIEW_CHARS = 4000;
/** The failed installations carried: the latest ones, which are what a request is about. */
export const MAX_FAILURES = 10;

export interface SupportBundleSource {
  dataDirectory: string;
  app: { name: string; version: string; host: 'electron' | 'web' | 'cli'; platform: string };
  /** The settings as saved now. */
  settings: () => unknown;
  clock: Clock;
}

/** A file of the bundle, already redacted. */
export interface BundleFile {
  name: string;
  text: string;
}

export interface PreviewFile {
  name: string;
  /** The size the file has in the bundle (redacted, before compression). */
  bytes: number;
  /** The redacted text, cut at PREVIEW_CHARS. */
  text: string;
  truncated: boolean;
}

/** A file the bundle may carry, or null when the desktop has none (no failures, no log yet). */
async function readIfThere(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

async function logFiles(dataDirectory: string): Promise<BundleFile[]> {
  const files: BundleFile[] = [];
  for (const path of rotatedNames(join(logDirectoryOf(dataDirectory), APP_LOG_FILE), DEFAULT_ROTATION)) {
    const text = await readIfThere(path);
    if (text !== null)
      files.push({ name: `logs/${path.slice(path.lastIndexOf(APP_LOG_FILE))}`, text: redactJsonLines(text) });
  }
  return files;
}

/**
 * The operation records, and what their hash chain said before redaction: redacting changes the records' bytes, so
 * the vendor cannot check the chain in the bundle and reads this desktop's verdict instead.
 */
async function operationFiles(source: SupportBundleSource): Promise<BundleFile[]> {
  const text = await readIfThere(join(source.dataDirectory, OPERATION_LOG_FILE));
  if (text === null) return [];
  const check = await OperationLog.inDataDirectory(source.dataDirectory, source.clock).verify();
  const verdict = check.ok
    ? { intact: true, records: check.count }
    : check.tampered
      ? { intact: false, changedAfterWriting: true, brokenAt: check.brokenAt, detail: check.detail }
      : { intact: false, changedAfterWriting: false, tornLastLine: true, records: check.count };
  return [
    { name: OPERATION_LOG_FILE, text: redactJsonLines(text) },
    { name: 'operations-check.json', text: json(redactJsonValue(verdict)) },
  ];
}

async function failureFiles(dataDirectory: string): Promise<BundleFile[]> {
  const dir = join(dataDirectory, 'failures');
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((n) => n.endsWith('.json'))
    .sort()
    .slice(-MAX_FAILURES);
  const files: BundleFile[] = [];
  for (const name of names) {
    const text = await readIfThere(join(dir, name));
    if (text === null) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      files.push({ name: `failures/${name}`, text: redactForBundle(text) });
      continue;
    }
    files.push({ name: `failures/${name}`, text: json(redactJsonValue(value)) });
  }
  return files;
}

/** Every file of the bundle, redacted, in the order the preview lists them. */
export async function gatherSupportFiles(source: SupportBundleSource): Promise<BundleFile[]> {
  const gather = async (): Promise<BundleFile[]> => {
    const about = {
      ...source.app,
      os: `${type()} ${release()}`,
      node: process.versions.node,
      electron: process.versions['electron'] ?? null,
      createdAt: source.clock.now().toISOString(),
    };
    return [
      { name: 'app.json', text: json(redactJsonValue(about)) },
      { name: 'settings.json', text: json(redactJsonValue(source.settings())) },
      ...(await logFiles(source.dataDirectory)),
      ...(await operationFiles(source)),
      ...(await failureFiles(source.dataDirectory)),
    ];
  };
  return withFile({ file: 'dataFolder', path: source.dataDirectory }, gather);
}

export function previewOf(files: readonly BundleFile[]): PreviewFile[] {
  return files.map((f) => ({
    name: f.name,
    bytes: Buffer.byteLength(f.text),
    text: f.text.length > PREVIEW_CHARS ? f.text.slice(0, PREVIEW_CHARS) : f.text,
    truncated: f.text.length > PREVIEW_CHARS,
  }));
}

/** `hicare-support-20250301-120000.tar.gz`: sorts by time, says what it is. */
export function bundleFileName(now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/-/g, '').replace('T', '-').replace(/:/g, '');
  return `hicare-support-${stamp}.tar.gz`;
}

/**
 * Packs the files to `path`, which must be absolute and end in .tar.gz; an existing file is never overwritten (it may
 * be an earlier bundle the customer has not sent yet).
 */
export async function writeSupportBundle(
  files: readonly BundleFile[],
  path: string,
  now: Date,
): Promise<{ path: string; bytes: number }> {
  if (!isAbsolute(path) || !/\.(tar\.gz|tgz)$/i.test(path)) {
    throw new HicareError('INVALID_INPUT.supportBundlePath', { path }, { path });
  }
  const archive = tarGz(
    files.map((f) => ({ name: f.name, data: Buffer.from(f.text, 'utf8') })),
    now,
  );
  const use = { file: 'supportBundle', path } as const;
  await withFile(use, () => mkdir(dirname(path), { recursive: true }));
  try {
    await writeFile(path, archive, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new HicareError('ALREADY_EXISTS.supportBundleFile', { path }, { path });
    }
    throw fileError(error, use);
  }
  return { path, bytes: archive.length };
}

/** The bundle of one data directory: previewed, then exported. */
export class SupportBundle {
  constructor(private readonly source: SupportBundleSource) {}

  async preview(): Promise<{ files: PreviewFile[] }> {
    return { files: previewOf(await gatherSupportFiles(this.source)) };
  }

  /** Writes the bundle to `path`, or into `folder` under a name with the time. */
  async export(target: { path: string } | { folder: string }): Promise<{ path: string; bytes: number }> {
    const now = this.source.clock.now();
    const path = 'path' in target ? target.path : join(target.folder, bundleFileName(now));
    return writeSupportBundle(await gatherSupportFiles(this.source), path, now);
  }
}
