/**
 * HAProxy for the cluster tests and the cluster benchmark: deploy/haproxy.cfg rendered with the test's ports (the
 * shipped file is the template, so what is tested is what an operator installs), started in the foreground, and
 * waited for until every backend is marked UP by its own /readyz health check.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { untilTrue } from '../integration/wait.js';

export const HAPROXY_BIN = process.env['HICARE_HAPROXY'] ?? '/usr/sbin/haproxy';
export const DEPLOY_DIR = fileURLToPath(new URL('../../deploy', import.meta.url));

export interface RenderedHaproxy {
  configFile: string;
  statsSocket: string;
}

export interface HaproxyLayout {
  /** Where the rendered file and the stats socket go (a temp directory). */
  dir: string;
  port: number;
  backends: readonly number[];
  /** Lines added to the global section (tests of the renderer). */
  extraGlobal?: readonly string[];
}

/** The shipped configuration with its bind port, server lines and stats socket replaced; logs dropped. */
export async function renderHaproxyConfig(layout: HaproxyLayout): Promise<RenderedHaproxy> {
  const template = await readFile(join(DEPLOY_DIR, 'haproxy.cfg'), 'utf8');
  const statsSocket = join(layout.dir, 'haproxy.sock');
  const lines: string[] = [];
  let serversWritten = false;
  for (const line of template.split('\n')) {
    if (/^\s+log \/dev\/log/.test(line)) continue; // no syslog in a test; HAProxy then logs nothing
    // HAProxy needs about two descriptors per connection and refuses to start when the process may not open that
    // many; a test machine's limit (often 20,000 here) is below the production figure, and the tests need far fewer.
    if (/^\s+maxconn 20000$/.test(line)) {
      lines.push('    maxconn 4000');
      continue;
    }
    if (/^\s+stats socket /.test(line)) {
      lines.push(`    stats socket ${statsSocket} mode 600 level operator`, ...(layout.extraGlobal ?? []));
      continue;
    }
    if (/^\s+bind :\d+$/.test(line)) {
      lines.push(`    bind 127.0.0.1:${layout.port}`);
      continue;
    }
    if (/^\s+server portal\d+ /.test(line)) {
      if (!serversWritten)
        lines.push(...layout.backends.map((port, i) => `    server portal${i + 1} 127.0.0.1:${port}`));
      serversWritten = true;
      continue;
    }
    lines.push(line);
  }
  if (!serversWritten) throw new Error('deploy/haproxy.cfg has no `server portalN` line to replace');
  const configFile = join(layout.dir, 'haproxy.cfg');
  await writeFile(configFile, lines.join('\n'));
  return { configFile, statsSocket };
}

/** One command on the stats socket, its whole answer. */
export function statsCommand(socket: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const client = connect(socket);
    let answer = '';
    client.setEncoding('utf8');
    client.on('data', (chunk: string) => (answer += chunk));
    client.on('end', () => resolve(answer));
    client.on('error', reject);
    client.end(`${command}\n`);
  });
}

/** Each backend server's state (UP, DOWN, MAINT, …) by name, from `show stat`'s CSV. */
export async function backendStates(socket: string): Promise<Map<string, string>> {
  const csv = await statsCommand(socket, 'show stat');
  const [header, ...rows] = csv.split('\n').filter((l) => l.length > 0);
  const columns = (header ?? '').replace(/^# /, '').split(',');
  const at = (name: string): number => columns.indexOf(name);
  const states = new Map<string, string>();
  for (const row of rows) {
    const cells = row.split(',');
    if (cells[at('pxname')] === 'portal_instances' && /^portal\d+$/.test(cells[at('svname')] ?? ''))
      states.set(cells[at('svname')] ?? '', cells[at('status')] ?? '');
  }
  return states;
}

export interface RunningHaproxy {
  url: string;
  statsSocket: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export async function startHaproxy(layout: HaproxyLayout): Promise<RunningHaproxy> {
  const rendered = await renderHaproxyConfig(layout);
  // -db: stay in the foreground (a child the test owns and kills), -W off: no master process to outlive it.
  const child = spawn(HAPROXY_BIN, ['-db', '-f', rendered.configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await untilTrue(
      async () => {
        if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}:\n${output}`);
        const states = await backendStates(rendered.statsSocket).catch(() => new Map<string, string>());
        return states.size === layout.backends.length && [...states.values()].every((s) => s === 'UP');
      },
      { what: 'HAProxy with every backend UP', timeoutMs: 20_000, detail: () => output },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${layout.port}`,
    statsSocket: rendered.statsSocket,
    child,
    output: () => output,
    stop,
  };
}
