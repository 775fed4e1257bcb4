/**
 * Offline bundles at 1 GiB: 8 packages of 128 MiB of random bytes, made once in a temp folder. Writing a bundle
 * (writeBundle with the manifest's lengths and hashes given, as createBundle gives the signed targets' — it still
 * hashes every package as it streams, to catch a changed cache file) against `tar cf` plus `sha256sum` of the same
 * files; reading it back (the reader's index, then every package streamed and hashed, as the verifier does) against
 * `sha256sum` of the files and `tar xf`. Reports MB/s, the ratio to the tools and peak RSS, which must stay flat.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBundleFile } from '../../electron/core/bundle/bundle-reader.js';
import { writeBundle } from '../../electron/core/bundle/bundle-writer.js';

const FILES = 8;
const FILE_BYTES = 128 * 1024 * 1024;
const TOTAL = FILES * FILE_BYTES;

async function peakRssMiB(): Promise<number> {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kb === undefined ? process.memoryUsage().rss / 2 ** 20 : Number(kb) / 1024;
}

async function makeFiles(dir: string): Promise<{ name: string; path: string; sha256: string }[]> {
  const chunk = Buffer.alloc(8 * 1024 * 1024);
  const out = [];
  await mkdir(join(dir, 'pkgs'), { recursive: true });
  for (let i = 0; i < FILES; i++) {
    const path = join(dir, 'pkgs', `product-${i}.tar.gz`);
    const handle = await open(path, 'w');
    const hash = createHash('sha256');
    for (let at = 0; at < FILE_BYTES; at += chunk.length) {
      randomFillSync(chunk);
      hash.update(chunk);
      await handle.write(chunk);
    }
    await handle.close();
    out.push({ name: `bench/${i}/product-${i}.tar.gz`, path, sha256: hash.digest('hex') });
  }
  return out;
}

async function timed(what: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await what();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function line(label: string, seconds: number, reference: number): string {
  const mbs = TOTAL / 1e6 / seconds;
  return `  ${label.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s  ${mbs.toFixed(0).padStart(6)} MB/s  ${(seconds / reference).toFixed(2)}× the tools`;
}

export async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'hicare-bench-bundle-'));
  try {
    const files = await makeFiles(dir);
    const names = files.map((f) => `pkgs/${f.path.split('/').at(-1)}`);
    const bundle = join(dir, 'site.tar');
    const rssBefore = await peakRssMiB();

    const toolsWrite = await timed(() => {
      execFileSync('tar', ['cf', join(dir, 'tools.tar'), ...names], { cwd: dir });
      execFileSync('sha256sum', names, { cwd: dir });
    });
    const ours = await timed(() =>
      writeBundle(bundle, {
        createdAt: new Date().toISOString(),
        portal: 'http://127.0.0.1:8780',
        metadata: [{ name: '1.root.json', bytes: Buffer.from('{}') }],
        statement: Buffer.from('{}'),
        packages: files.map((f) => ({
          name: f.name,
          length: FILE_BYTES,
          sha256: f.sha256,
          open: () => createReadStream(f.path, { highWaterMark: 1024 * 1024 }),
        })),
      }),
    );
    await rm(join(dir, 'tools.tar'));
    const toolsRead = await timed(() => {
      execFileSync('sha256sum', names, { cwd: dir });
      const out = join(dir, 'x');
      execFileSync('mkdir', ['-p', out]);
      execFileSync('tar', ['xf', bundle, '-C', out]);
    });
    await rm(join(dir, 'x'), { recursive: true, force: true });
    const read = await timed(async () => {
      const opened = await openBundleFile(bundle);
      for (const name of opened.packages) {
        const hash = createHash('sha256');
        for await (const chunk of await opened.openPackage(name)) hash.update(chunk as Buffer);
        if (hash.digest('hex') !== files.find((f) => f.name === name)?.sha256) throw new Error(`hash of ${name}`);
      }
    });
    const rssAfter = await peakRssMiB();
    console.log(
      `bundle: ${FILES} × ${FILE_BYTES / 2 ** 20} MiB = ${TOTAL / 2 ** 30} GiB, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log(line('tar cf + sha256sum', toolsWrite, toolsWrite));
    console.log(line('writeBundle (hashing while writing)', ours, toolsWrite));
    console.log(line('sha256sum + tar xf', toolsRead, toolsRead));
    console.log(line('openBundleFile + hash every package', read, toolsRead));
    console.log(
      `  peak RSS ${rssBefore.toFixed(0)} MiB before, ${rssAfter.toFixed(0)} MiB after 2 GiB through the bundle code`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
