/**
 * What the window shows of a failed download or install, a stored failure, a stopped upgrade path and a drafted
 * request: each carries what it needs to be read in Chinese as well as in English.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { failedInstallView, problemView } from '../../../electron/core/app/views.js';
import { stoppedMessage, stoppedWords, type PathPlan } from '../../../electron/core/client/upgrade-path.js';
import { InstallFailure, type InstallFailureDetails } from '../../../electron/core/install/install-failure.js';
import { draftFromFailure } from '../../../electron/core/requests/draft.js';
import { FailureStore } from '../../../electron/core/requests/failures.js';
import { HicareError } from '../../../shared/errors.js';
import { localizeProblem } from '../../../shared/i18n/problem.js';
import { translate } from '../../../shared/i18n/translator.js';

const HAN = /[\u4e00-\u9fff]/;

function details(over: Partial<InstallFailureDetails> = {}): InstallFailureDetails {
  return {
    product: 'cobalt',
    fromVersion: '4.2.0',
    toVersion: '4.2.1',
    targetName: 'cobalt/4.2.1/linux-x64/cobalt-4.2.1-linux-x64.tar.gz',
    packageSha256: 'a'.repeat(64),
    packageLength: 1400,
    installerType: 'script',
    argv: ['/bin/sh', 'install.sh'],
    exitCode: 3,
    signal: null,
    durationMs: 812,
    log: 'ERROR 1603',
    logTruncated: false,
    cause: '',
    detectedVersion: null,
    startedAt: '2026-11-24T10:00:00.000Z',
    system: {
      os: { type: 'Linux', release: '6.1', platform: 'linux', arch: 'x64' },
      hostname: 'turbine-12',
      freeMemoryBytes: 2e9,
      totalMemoryBytes: 8e9,
      freeDiskBytes: 5e10,
      nodeVersion: '20.20.2',
    },
    serialNumber: 'CG-COB-0001',
    location: 'North',
    problem: null,
    ...over,
  };
}

const installFailure = () =>
  new InstallFailure({ key: 'DETECTION_FAILED.installStep', params: { release: 'Cobalt 4.2.1' } }, details());

describe('problems the window shows carry their catalog key', () => {
  it.each([
    [
      'a failed download',
      () => problemView(new HicareError('DOWNLOAD_CANCELLED.byUser', { name: 'cobalt-4.2.1.tar.gz' })),
    ],
    ['a failed install', () => failedInstallView(installFailure(), 'f-1', [])],
  ])('%s is written again in Chinese, its English words kept', (_, view) => {
    const shown = view();
    expect(shown.key).toBeDefined();
    const zh = localizeProblem('zh-CN', shown);
    expect(zh.message).toMatch(HAN);
    expect(zh.remedy).toMatch(HAN);
    expect(zh.message).not.toBe(shown.message);
    expect(localizeProblem('en', shown)).toEqual({ message: shown.message, remedy: shown.remedy });
  });

  it('leaves params out when the error has none, and an error passed on without a key keeps its words', () => {
    expect(problemView(new HicareError('OFFLINE'))).not.toHaveProperty('params');
    const legacy = problemView(HicareError.fromBody({ code: 'OFFLINE', message: 'Offline.', remedy: 'Reconnect.' }));
    expect(legacy).toMatchObject({ code: 'OFFLINE', message: 'Offline.', remedy: 'Reconnect.' });
    expect(legacy).not.toHaveProperty('key');
    expect(localizeProblem('zh-CN', legacy).message).toBe('Offline.');
  });
});

describe('a stored failure', () => {
  let dir = '';
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps the key and params it was raised with, across a read from disk', async () => {
    dir = await mkdtemp(join(tmpdir(), 'hicare-failures-'));
    const store = new FailureStore(dir);
    await store.save(installFailure(), new Date('2026-11-24T10:00:01Z'));
    const stored = await store.get('last');
    expect(stored).toMatchObject({ key: 'DETECTION_FAILED.installStep', params: { release: 'Cobalt 4.2.1' } });
    expect(localizeProblem('zh-CN', { ...stored, remedy: '' }).message).toBe('安装 Cobalt 4.2.1 失败。');
  });
});

describe('where a stopped upgrade path stopped', () => {
  const plan = (versions: string[]): PathPlan =>
    ({
      serialNumber: 'CG-ATL-0001',
      product: 'atlas',
      fromVersion: '1.4.2',
      toVersion: versions.at(-1) ?? '',
      hops: versions.map((version) => ({ version })),
    }) as unknown as PathPlan;

  it.each([
    [
      ['1.9.0'],
      0,
      'The path stopped at 1.9.0 (step 1 of 1); CG-ATL-0001 still runs 1.4.2.',
      '升级路径在 1.9.0 处停止（第 1 步，共 1 步）；CG-ATL-0001 仍在运行 1.4.2。',
    ],
    [
      ['1.9.0', '2.3.1'],
      1,
      'The path stopped at 2.3.1 (step 2 of 2); 1.9.0 is installed.',
      '升级路径在 2.3.1 处停止（第 2 步，共 2 步）；已安装 1.9.0。',
    ],
    [
      ['1.9.0', '2.3.1', '2.4.0'],
      2,
      'The path stopped at 2.4.0 (step 3 of 3); 1.9.0 and 2.3.1 are installed.',
      '升级路径在 2.4.0 处停止（第 3 步，共 3 步）；已安装 1.9.0和2.3.1。',
    ],
  ])('%j, failing at hop %i', (versions, failedHop, en, zh) => {
    expect(stoppedWords(plan(versions), failedHop)).toBe(en);
    expect(stoppedWords(plan(versions), failedHop, 'zh-CN')).toBe(zh);
    const { key, params } = stoppedMessage(plan(versions), failedHop);
    expect(translate('en', key, params)).toBe(en);
  });
});

describe('a drafted request’s fault description', () => {
  const draft = (locale: 'en' | 'zh-CN', over: Partial<InstallFailureDetails> = {}) =>
    draftFromFailure({ failureId: 'f-1', failure: details(over), operations: [], locale }).request.faultDescription;

  it('reads as before in English', () => {
    expect(draft('en')).toBe(
      [
        'Installing cobalt 4.2.1 (from 4.2.0) on system CG-COB-0001 failed: the installer exited with code 3.',
        `Package cobalt/4.2.1/linux-x64/cobalt-4.2.1-linux-x64.tar.gz (SHA-256 ${'a'.repeat(64)}, 1400 bytes, script installer).`,
      ].join('\n'),
    );
    expect(draft('en', { fromVersion: null, exitCode: null, signal: 'SIGKILL', cause: 'disk full' })).toContain(
      '(from nothing installed) on system CG-COB-0001 failed: the installer was stopped by SIGKILL.\nCause reported by the installer: disk full',
    );
  });

  it('is written in Chinese for a customer who reads Chinese', () => {
    expect(draft('zh-CN', { exitCode: -1073741819 })).toContain(
      '在系统 CG-COB-0001 上安装 cobalt 4.2.1（原版本 4.2.0）失败：安装程序以退出码 -1073741819 退出。',
    );
    expect(draft('zh-CN', { fromVersion: null, exitCode: null })).toContain('（此前未安装任何版本）失败：安装未完成。');
  });
});
