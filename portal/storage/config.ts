/**
 * The blob store an operator configured, from the environment: `HICARE_BLOB_STORE=local` (the default: the data
 * directory) or `s3` with its HICARE_S3_* settings and the standard AWS credentials. A setting that is missing or
 * malformed stops the portal at start with the variable named, rather than at the first upload.
 */
import { HicareError, type ErrorKey } from '../../shared/errors.js';
import type { BlobStore } from './blob-store.js';
import { LocalBlobStore } from './local-blob-store.js';
import { S3BlobStore, type S3Settings } from './s3-blob-store.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** How the package route hands out bytes kept in a remote store (see portal/http/package-route.ts). */
export type PackageDelivery = 'stream' | 'redirect';

function setting(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function invalid(name: string, key: ErrorKey, params: Record<string, string> = {}): HicareError {
  return new HicareError(key, { variable: name, ...params }, { variable: name });
}

/** Bucket names as S3 allows them: 3–63 lowercase letters, digits, dots and hyphens. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const REGION = /^[a-z0-9-]{1,64}$/;

export function s3SettingsFromEnv(env: Env): S3Settings {
  const bucket = setting(env, 'HICARE_S3_BUCKET');
  if (bucket === undefined) throw invalid('HICARE_S3_BUCKET', 'INVALID_INPUT.s3BucketUnset');
  if (!BUCKET.test(bucket))
    throw invalid('HICARE_S3_BUCKET', 'INVALID_INPUT.s3BucketName', { bucket: bucket.slice(0, 70) });
  const region = setting(env, 'HICARE_S3_REGION') ?? 'us-east-1';
  if (!REGION.test(region)) throw invalid('HICARE_S3_REGION', 'INVALID_INPUT.s3Region');
  const settings: S3Settings = { bucket, region };

  const endpoint = setting(env, 'HICARE_S3_ENDPOINT');
  if (endpoint !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint);
    } catch {
      url = undefined;
    }
    if (
      url === undefined ||
      (url.protocol !== 'http:' && url.protocol !== 'https:') ||
      url.username !== '' ||
      url.password !== ''
    ) {
      throw invalid('HICARE_S3_ENDPOINT', 'INVALID_INPUT.s3Endpoint');
    }
    settings.endpoint = url.origin + url.pathname.replace(/\/+$/, '');
  }

  const prefix = setting(env, 'HICARE_S3_PREFIX');
  if (prefix !== undefined) {
    if (
      !/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*\/?$/.test(prefix) ||
      prefix.split('/').some((s) => s === '.' || s === '..')
    ) {
      throw invalid('HICARE_S3_PREFIX', 'INVALID_INPUT.s3Prefix');
    }
    settings.prefix = prefix;
  }

  const pathStyle = setting(env, 'HICARE_S3_FORCE_PATH_STYLE');
  if (pathStyle !== undefined && pathStyle !== '0' && pathStyle !== '1')
    throw invalid('HICARE_S3_FORCE_PATH_STYLE', 'INVALID_INPUT.s3PathStyle');
  settings.forcePathStyle = pathStyle === '1';

  const accessKeyId = setting(env, 'AWS_ACCESS_KEY_ID');
  const secretAccessKey = setting(env, 'AWS_SECRET_ACCESS_KEY');
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    const missing = accessKeyId === undefined ? 'AWS_ACCESS_KEY_ID' : 'AWS_SECRET_ACCESS_KEY';
    throw invalid(missing, 'INVALID_INPUT.s3CredentialsHalf');
  }
  // Neither set: the SDK's own chain (instance role, shared config) supplies them.
  if (accessKeyId !== undefined && secretAccessKey !== undefined)
    settings.credentials = { accessKeyId, secretAccessKey };
  return settings;
}

export function blobStoreFromEnv(env: Env, dataDirectory: string): BlobStore {
  const kind = setting(env, 'HICARE_BLOB_STORE') ?? 'local';
  if (kind === 'local') return new LocalBlobStore(dataDirectory);
  if (kind === 's3') return new S3BlobStore(s3SettingsFromEnv(env));
  throw invalid('HICARE_BLOB_STORE', 'INVALID_INPUT.storeKind', { kind: kind.slice(0, 40) });
}

export function packageDeliveryFromEnv(env: Env): PackageDelivery {
  const value = setting(env, 'HICARE_PACKAGE_DELIVERY') ?? 'stream';
  if (value === 'stream' || value === 'redirect') return value;
  throw invalid('HICARE_PACKAGE_DELIVERY', 'INVALID_INPUT.storePackageDelivery');
}
