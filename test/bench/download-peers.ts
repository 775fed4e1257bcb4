/**
 * The downloaders the client benchmark measures beside the manager, each as a user would run it and each in its
 * own process, so that its CPU time is its own: curl (to /dev/null, and `curl -o f && sha256sum f`), aria2c with
 * `--checksum`, electron-updater's download path, the manager's DownloadManager, and `hicare download` from the
 * built CLI. Every one fetches the same package through the same portal route with the same bearer token, and,
 * over HTTPS, trusts the run's CA the way that tool is told to.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { fileURLToPath } from 'node:url';
import { DownloadManager } from '../../electron/core/downloads/index.js';

const SELF = fileURLToPath(import.meta.url);

/** One finished download: wall seconds, and CPU seconds (user + system) of the process that downloaded. */
export interface PeerRun {
  seconds: number;
  cpu: number;
  /** Peak RSS growth over the download, where the downloader reports it (the manager). */
  rssGrowth?: number;
}

/** Where to fetch from and how to be let in. */
export interface Fetch {
  url: string;
  token: string;
  /** The CA to trust over HTTPS. */
  ca?: string | undefined;
}

/**
 * Runs a command to its end under `/usr/bin/time`, which reports the CPU time of the command and everything it ran
 * (a shell's `curl && sha256sum` included); the wall time is spawn to exit.
 */
export function timedCommand(
  command: string,
  args: string[],
  env?: NodeJS.ProcessEnv,
): Promise<PeerRun & { stdout: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('/usr/bin/time', ['-f', 'cpu %U %S', command, ...args], {
      env: env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.once('error', reject);
    child.once('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      const times = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
      if (code !== 0 || times === null)
        return reject(new Error(`${command} ${args.join(' ')} exited with ${String(code)}: ${stderr.slice(-2000)}`));
      resolve({ seconds, cpu: Number(times[1]) + Number(times[2]), stdout });
    });
  });
}

/** A Node child running one of this file's downloaders, which reports its own timing as JSON. */
function nodeChild(role: string, job: unknown): Promise<PeerRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SELF, role, JSON.stringify(job)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as PeerRun) : reject(new Error(`${role} exited with ${String(code)}`)),
    );
  });
}

export interface ManagerJob extends Fetch {
  cacheDir: string;
  name: string;
  length: number;
  sha256: string;
}

/** The manager's DownloadManager in a fresh process: download, SHA-256, O_DIRECT, fsync, rename. */
export function managerDownload(job: ManagerJob): Promise<PeerRun> {
  return nodeChild('--manager', job);
}

export interface UpdaterJob extends Fetch {
  destination: string;
  /** Base64 SHA-512, as electron-updater's latest.yml carries it. */
  sha512: string;
}

/** electron-updater's own download path in a fresh process (see updaterChild for exactly which code). */
export function electronUpdaterDownload(job: UpdaterJob): Promise<PeerRun> {
  return nodeChild('--electron-updater', job);
}

/** Samples this process's RSS every 50 ms around `task`: the peak growth over the start. */
async function withRss<T>(task: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const result = await task();
    return { result, growth: Math.max(peak, process.memoryUsage().rss) - start };
  } finally {
    clearInterval(timer);
  }
}

async function timedInProcess(task: () => Promise<unknown>): Promise<PeerRun> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const { growth } = await withRss(task);
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { seconds, cpu: (used.user + used.system) / 1e6, rssGrowth: growth };
}

async function managerChild(job: ManagerJob): Promise<PeerRun> {
  const ca = job.ca === undefined ? undefined : await readFile(job.ca);
  const manager = new DownloadManager({
    cacheDir: job.cacheDir,
    request: {
      headers: () => ({ authorization: `Bearer ${job.token}` }),
      ...(ca === undefined ? {} : { https: { certificateAuthority: ca } }),
    },
  });
  return timedInProcess(async () => {
    const result = await manager.download({
      target: { name: job.name, length: job.length, sha256: job.sha256 },
      url: job.url,
    }).done;
    if (result.fromCache || result.bytesTransferred !== job.length) throw new Error('the manager did not download');
  });
}

/**
 * electron-updater downloads an update with `ElectronHttpExecutor.download(url, destination, { sha512 })`: its
 * base class (builder-util-runtime's HttpExecutor) sends the request, follows redirects, and pipes the response
 * through its DigestTransform (SHA-512) into a write stream. Only the request object comes from Electron's `net`,
 * which a plain Node process has not: `createRequest` is given Node's own http(s).request here, everything else is
 * the package's code.
 */
async function updaterChild(job: UpdaterJob): Promise<PeerRun> {
  const require = createRequire(import.meta.url);
  const { ElectronHttpExecutor } = require('electron-updater/out/electronHttpExecutor.js') as {
    ElectronHttpExecutor: new () => {
      download(url: URL, destination: string, options: Record<string, unknown>): Promise<string>;
    };
  };
  const { CancellationToken } = require('builder-util-runtime') as { CancellationToken: new () => unknown };
  const ca = job.ca === undefined ? undefined : await readFile(job.ca);
  class NodeNetExecutor extends ElectronHttpExecutor {
    createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void) {
      const secure = (options as { protocol?: string }).protocol === 'https:';
      const request = secure ? httpsRequest({ ...options, ca }, callback) : httpRequest(options, callback);
      return request;
    }
  }
  const executor = new NodeNetExecutor();
  return timedInProcess(() =>
    executor.download(new URL(job.url), job.destination, {
      headers: { authorization: `Bearer ${job.token}` },
      sha512: job.sha512,
      cancellationToken: new CancellationToken(),
    }),
  );
}

const role = process.argv[2];
if (role === '--manager' || role === '--electron-updater') {
  const job = JSON.parse(process.argv[3] ?? '{}') as ManagerJob & UpdaterJob;
  const figures = role === '--manager' ? await managerChild(job) : await updaterChild(job);
  process.stdout.write(JSON.stringify(figures));
}
