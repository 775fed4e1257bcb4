/** `hicare config`: where each value in force comes from, and what `set` refuses before saving. */
import { mkdtempSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkedValue, configEntries } from '../../../electron/cli/config-command.js';
import { DEFAULT_SETTINGS } from '../../../electron/core/settings.js';

const dir = mkdtempSync(join(tmpdir(), 'hicare-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const byKey = (entries: ReturnType<typeof configEntries>) => Object.fromEntries(entries.map((e) => [e.key, e]));

describe('configEntries', () => {
  it('says default when nothing is set, with the download folder in the data directory', () => {
    const e = byKey(configEntries({}, {}, DEFAULT_SETTINGS, '/data'));
    expect(e['portal']).toEqual({ key: 'portal', value: null, source: 'default' });
    expect(e['download-folder']).toEqual({ key: 'download-folder', value: '/data/downloads', source: 'default' });
  });

  it('lets a flag win over the environment and the environment over the setting, for the portal', () => {
    const settings = { ...DEFAULT_SETTINGS, portalUrl: 'https://saved.example' };
    const env = { HICARE_PORTAL: 'https://env.example' };
    expect(byKey(configEntries({}, {}, settings, '/d'))['portal']?.source).toBe('setting');
    expect(byKey(configEntries({}, env, settings, '/d'))['portal']).toMatchObject({
      source: 'env',
      from: 'HICARE_PORTAL',
    });
    expect(byKey(configEntries({ portal: 'https://flag.example' }, env, settings, '/d'))['portal']).toMatchObject({
      value: 'https://flag.example',
      source: 'flag',
      from: '--portal',
    });
  });

  it('takes the CA bundle from --ca-bundle, then the setting, then NODE_EXTRA_CA_CERTS', () => {
    const env = { NODE_EXTRA_CA_CERTS: '/env.pem' };
    const settings = { ...DEFAULT_SETTINGS, caBundlePath: '/saved.pem' };
    expect(byKey(configEntries({}, env, DEFAULT_SETTINGS, '/d'))['ca-bundle']).toMatchObject({ source: 'env' });
    expect(byKey(configEntries({}, env, settings, '/d'))['ca-bundle']).toMatchObject({ value: '/saved.pem' });
    expect(byKey(configEntries({ caBundle: '/flag.pem' }, env, settings, '/d'))['ca-bundle']).toMatchObject({
      source: 'flag',
    });
  });

  it('puts a saved proxy before HTTPS_PROXY, as the network layer does', () => {
    const env = { HTTPS_PROXY: 'http://env-proxy:3128' };
    expect(byKey(configEntries({}, env, DEFAULT_SETTINGS, '/d'))['proxy']).toMatchObject({ from: 'HTTPS_PROXY' });
    const saved = { ...DEFAULT_SETTINGS, proxyUrl: 'http://saved:8080' };
    expect(byKey(configEntries({}, env, saved, '/d'))['proxy']).toMatchObject({ source: 'setting' });
  });
});

describe('checkedValue', () => {
  it('accepts http and https addresses and refuses anything else with a coded error', () => {
    expect(checkedValue('portal', 'https://portal.example')).toBe('https://portal.example');
    for (const bad of ['portal.example', 'ftp://portal.example', ''])
      expect(() => checkedValue('proxy', bad)).toThrow(expect.objectContaining({ key: 'INVALID_INPUT.cliConfigUrl' }));
  });

  it('accepts a PEM file and refuses a missing file or one without a certificate', () => {
    const pem = join(dir, 'ca.pem');
    writeFileSync(pem, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    expect(checkedValue('ca-bundle', pem)).toBe(pem);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'hello');
    expect(() => checkedValue('ca-bundle', text)).toThrow(
      expect.objectContaining({ key: 'INVALID_INPUT.cliConfigNotPem' }),
    );
    expect(() => checkedValue('ca-bundle', join(dir, 'missing.pem'))).toThrow(
      expect.objectContaining({ key: 'NOT_FOUND.cliConfigFile' }),
    );
    expect(() => checkedValue('ca-bundle', dir)).toThrow(expect.objectContaining({ key: 'NOT_FOUND.cliConfigFile' }));
  });

  it('creates a download folder, and refuses one that cannot be', () => {
    expect(checkedValue('download-folder', join(dir, 'a', 'b'))).toBe(join(dir, 'a', 'b'));
    const file = join(dir, 'file');
    writeFileSync(file, 'x');
    expect(() => checkedValue('download-folder', join(file, 'sub'))).toThrow(
      expect.objectContaining({ key: 'INVALID_INPUT.cliConfigFolder' }),
    );
    const locked = join(dir, 'locked');
    checkedValue('download-folder', locked);
    chmodSync(locked, 0o500);
    // root may write anywhere; the refusal is only observable for an ordinary account.
    if (process.getuid?.() !== 0)
      expect(() => checkedValue('download-folder', locked)).toThrow(
        expect.objectContaining({ key: 'INVALID_INPUT.cliConfigFolder' }),
      );
  });
});
