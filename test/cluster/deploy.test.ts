/**
 * The files in deploy/ as an operator installs them: HAProxy accepts the configuration as shipped, and systemd
 * parses both units without a complaint (systemd-analyze verify reports problems on stderr but still exits 0, so
 * its output is what is checked). Each half is skipped with a warning where the tool is not installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEPLOY_DIR, HAPROXY_BIN, renderHaproxyConfig } from './haproxy.js';

const SYSTEMD_ANALYZE = '/usr/bin/systemd-analyze';
const haveHaproxy = existsSync(HAPROXY_BIN);
const haveSystemd = existsSync(SYSTEMD_ANALYZE);
if (!haveHaproxy)
  console.warn(`${HAPROXY_BIN} is not installed: skipping the HAProxy configuration check (apt-get install haproxy)`);
if (!haveSystemd) console.warn(`${SYSTEMD_ANALYZE} is not installed: skipping the systemd unit check`);

function check(args: string[], bin: string): { status: number | null; output: string } {
  const run = spawnSync(bin, args, { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('deploy/', () => {
  it.skipIf(!haveHaproxy)(
    'ships an HAProxy configuration that HAProxy accepts, as shipped and as rendered for a test',
    async () => {
      const shipped = check(['-c', '-f', join(DEPLOY_DIR, 'haproxy.cfg')], HAPROXY_BIN);
      expect(shipped.output).toContain('Configuration file is valid');
      expect(shipped.status).toBe(0);

      const dir = await mkdtemp(join(tmpdir(), 'hicare-deploy-'));
      try {
        const rendered = await renderHaproxyConfig({ dir, port: 18_780, backends: [18_781, 18_782, 18_783] });
        const result = check(['-c', '-f', rendered.configFile], HAPROXY_BIN);
        expect(result.status, result.output).toBe(0);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  it('refuses a broken HAProxy configuration (the check above can fail)', async () => {
    if (!haveHaproxy) return;
    const dir = await mkdtemp(join(tmpdir(), 'hicare-deploy-'));
    try {
      const rendered = await renderHaproxyConfig({
        dir,
        port: 18_780,
        backends: [18_781],
        extraGlobal: ['    no-such-keyword 1'],
      });
      expect(check(['-c', '-f', rendered.configFile], HAPROXY_BIN).status).not.toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!haveSystemd)(
    'ships systemd units that systemd parses without a warning, the template under an instance name too',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'hicare-units-'));
      try {
        for (const unit of ['hicare-portal@.service', 'hicare-portal-signer.service'])
          await copyFile(join(DEPLOY_DIR, unit), join(dir, unit));
        for (const unit of ['hicare-portal@.service', 'hicare-portal@8781.service', 'hicare-portal-signer.service']) {
          const result = check(['verify', '--man=no', join(dir, unit)], SYSTEMD_ANALYZE);
          // Only lines about our files count: a container without a running systemd may add unrelated notes.
          const about = result.output.split('\n').filter((line) => line.includes('hicare-portal'));
          expect(about, unit).toEqual([]);
          expect(result.status, unit).toBe(0);
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
