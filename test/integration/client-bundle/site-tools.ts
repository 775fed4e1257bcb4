/**
 * What the site test does by hand as IT staff would: run `hicare mirror serve` as a long-lived process and wait for
 * the address it prints, find where a package's bytes sit inside a bundle file to change one, and snapshot a
 * machine's data folder to prove a refusal left it as it was.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { folderState } from './offline-world.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BLOCK = 512;

export interface ServingMirror {
  url: string;
  output(): string;
  /** SIGTERM, as an operator's Ctrl+C or a service manager stops it; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** `hicare --json mirror serve FILE… --port 0 --host H` until it prints the address it listens on. */
export function serveMirrorProcess(files: readonly string[], host: string, env: Record<string, string>) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/hicare.js', '--json', 'mirror', 'serve', ...files, '--port', '0', '--host', host],
    {
      cwd: ROOT,
      env: { ...process.env, LANG: 'C.UTF-8', LANGUAGE: '', LC_ALL: '', HICARE_FROM_SOURCES: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  return new Promise<ServingMirror>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.stdout!.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
      const line = stdout.split('\n')[0];
      if (!stdout.includes('\n') || line === undefined) return;
      resolve({
        url: (JSON.parse(line) as { url: string }).url,
        output: () => stdout + stderr,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) => reject(new Error(`mirror exited ${code} before listening: ${stderr}`)));
  });
}

function text(header: Buffer, from: number, length: number): string {
  return header.toString('utf8', from, from + length).replace(/\0.*$/s, '');
}

/** Where a member's bytes start in a tar file and how many there are, reading ustar and pax headers. */
export async function memberOffset(file: string, name: string): Promise<{ at: number; size: number }> {
  const handle = await open(file, 'r');
  try {
    const header = Buffer.alloc(BLOCK);
    let at = 0;
    let paxPath: string | undefined;
    for (;;) {
      const { bytesRead } = await handle.read(header, 0, BLOCK, at);
      if (bytesRead < BLOCK || header.every((b) => b === 0)) throw new Error(`${name} is not in ${file}`);
      const size = parseInt(text(header, 124, 12).trim() || '0', 8);
      const type = text(header, 156, 1);
      const prefix = text(header, 345, 155);
      const path = paxPath ?? (prefix === '' ? text(header, 0, 100) : `${prefix}/${text(header, 0, 100)}`);
      const data = at + BLOCK;
      paxPath = undefined;
      if (type === 'x') {
        const records = Buffer.alloc(size);
        await handle.read(records, 0, size, data);
        paxPath = /\d+ path=([^\n]*)\n/.exec(records.toString('utf8'))?.[1];
      } else if (path === name) return { at: data, size };
      at = data + Math.ceil(size / BLOCK) * BLOCK;
    }
  } finally {
    await handle.close();
  }
}

/**
 * A machine's data folder but what any run may write: its log files, the operation log (a refusal is recorded there,
 * as the user reads it with `hicare log`) and the inventory's file, made empty on first use; the test reads those.
 */
export async function machineState(home: string): Promise<Record<string, string>> {
  const state = await folderState(home);
  return Object.fromEntries(
    Object.entries(state).filter(
      ([path]) => !path.startsWith('logs') && !path.startsWith('operations.jsonl') && path !== 'inventory.json',
    ),
  );
}
