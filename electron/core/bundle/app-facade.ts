/**
 * What the app asks of offline bundles: export the chosen releases with their proof (one bundle file, or a folder
 * of real file names beside it), verify a bundle against the root this machine trusts, and install from one. The
 * app's handlers call only these; the bundle writer, reader and offline verifier sit behind them.
 */
import { HicareError } from '../../../shared/errors.js';
import type { HicareClient } from '../client/hicare-client.js';
import type { InstallResult } from '../install/index.js';

export interface BundleExportRequest {
  serials: string[];
  targets: string[];
  validDays?: number;
}

export interface BundleExportProgress {
  target: string;
  receivedBytes: number;
  totalBytes: number;
}

export interface BundleVerdictView {
  portal: string;
  issuedAt: string;
  validUntil: string;
  contract: string;
  serials: string[];
  packages: { target: string; fileName: string; length: number; product: string; version: string; platform: string }[];
}

export function exportBundle(
  _client: HicareClient,
  _req: BundleExportRequest,
  _outFile: string,
  _onProgress?: (p: BundleExportProgress) => void,
): Promise<{ file: string; bytes: number; validUntil: string }> {
  return Promise.reject(new HicareError('NOT_FOUND'));
}

export function exportFolder(
  _client: HicareClient,
  _req: BundleExportRequest,
  _outDir: string,
  _onProgress?: (p: BundleExportProgress) => void,
): Promise<{ folder: string; files: string[]; validUntil: string }> {
  return Promise.reject(new HicareError('NOT_FOUND'));
}

export function verifyBundleFile(_client: HicareClient, _file: string, _serial?: string): Promise<BundleVerdictView> {
  return Promise.reject(new HicareError('NOT_FOUND'));
}

export function installFromBundleFile(
  _client: HicareClient,
  _file: string,
  _serial: string,
  _target?: string,
  _onLog?: (line: { stream: string; text: string }) => void,
): Promise<InstallResult> {
  return Promise.reject(new HicareError('NOT_FOUND'));
}
