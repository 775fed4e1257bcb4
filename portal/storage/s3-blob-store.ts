/**
 * The blob store on an S3-compatible bucket (AWS S3, MinIO, Ceph, s3rver…), for portal instances that share nothing
 * on disk. Keys are the BlobStore's keys under an optional prefix, so one bucket can hold several portals. Every
 * failure leaves here as a coded error in plain words: the SDK's own messages name buckets, XML codes and hosts,
 * which mean nothing to a customer and must not reach an HTTP body.
 */
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { HicareError } from '../../shared/errors.js';
import type { BlobInfo, BlobStore, ByteRange } from './blob-store.js';
import { storeFailure, type StoreAction } from './s3-errors.js';

export interface S3Settings {
  /** The store's base URL; AWS's regional endpoint when absent. */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Prepended to every key (a trailing '/' is added when missing). */
  prefix?: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key`: what most self-hosted stores need. */
  forcePathStyle?: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Files larger than this go up in parts. Default 64 MiB. */
  multipartThresholdBytes?: number;
  /** Size of each part of a multipart upload (S3's minimum is 5 MiB). Default 16 MiB. */
  partBytes?: number;
  /** How long a store request may take before it counts as unreachable. Default 10 s. */
  requestTimeoutMs?: number;
}

const MiB = 1024 * 1024;

/**
 * The SDK announces on every Node below 22 that its future versions will need a newer one, on stderr, once per
 * process. The SDK reads this variable for exactly that purpose; an operator who sets it otherwise keeps the warning.
 */
function quietNodeVersionWarning(): void {
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
}

const QUIET_LOGGER = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;
  readonly bucket: string;
  private readonly prefix: string;
  private readonly client: S3Client;
  private readonly multipartThreshold: number;
  private readonly partBytes: number;

  constructor(settings: S3Settings) {
    quietNodeVersionWarning();
    this.bucket = settings.bucket;
    this.prefix =
      settings.prefix === undefined || settings.prefix === '' || settings.prefix.endsWith('/')
        ? (settings.prefix ?? '')
        : `${settings.prefix}/`;
    this.multipartThreshold = settings.multipartThresholdBytes ?? 64 * MiB;
    this.partBytes = Math.max(5 * MiB, settings.partBytes ?? 16 * MiB);
    const timeout = settings.requestTimeoutMs ?? 10_000;
    this.client = new S3Client({
      region: settings.region,
      ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
      forcePathStyle: settings.forcePathStyle ?? false,
      ...(settings.credentials === undefined ? {} : { credentials: settings.credentials }),
      // Only what the store needs: newer SDKs add CRC checksums to every upload, which not every S3-compatible
      // store understands.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: timeout, requestTimeout: timeout },
      maxAttempts: 3,
      // The SDK warns on the console about some failures (a failed streamed upload, say) when given no logger; the
      // failure itself reaches the portal as an error, so those lines would only be internal text on a terminal.
      logger: QUIET_LOGGER,
    });
  }

  private objectKey(key: string): string {
    return `${this.prefix}${key}`;
  }

  async putFile(key: string, path: string): Promise<void> {
    let length: number;
    try {
      length = (await stat(path)).size;
    } catch (error) {
      throw new HicareError(
        'NOT_FOUND.storeSourceUnreadable',
        { key },
        {
          reason: (error as NodeJS.ErrnoException).code ?? 'unreadable',
        },
      );
    }
    // An object appears in S3 only when its upload completes, single or multipart: readers never see half of it.
    if (length > this.multipartThreshold) return this.putInParts(key, path, length);
    const handle = await open(path, 'r');
    try {
      const body = handle.createReadStream({ start: 0, end: Math.max(0, length - 1), autoClose: false });
      await this.attempt('store', key, () =>
        this.client.send(
          new PutObjectCommand({
            Bucket: this.bucket,
            Key: this.objectKey(key),
            Body: length === 0 ? new Uint8Array() : body,
            ContentLength: length,
          }),
        ),
      );
    } finally {
      await handle.close();
    }
  }

  /** Parts of `partBytes`, one at a time, each streamed from the file with its length: memory stays one part wide. */
  private async putInParts(key: string, path: string, length: number): Promise<void> {
    const Key = this.objectKey(key);
    const created = await this.attempt('store', key, () =>
      this.client.send(new CreateMultipartUploadCommand({ Bucket: this.bucket, Key })),
    );
    const UploadId = created.UploadId;
    if (UploadId === undefined) throw storeFailure(new Error('no upload id'), 'store', key, this.bucket);
    const handle = await open(path, 'r');
    try {
      const parts: { ETag: string; PartNumber: number }[] = [];
      for (let start = 0, PartNumber = 1; start < length; start += this.partBytes, PartNumber += 1) {
        const end = Math.min(length, start + this.partBytes) - 1;
        const Body = handle.createReadStream({ start, end, autoClose: false });
        const part = await this.attempt('store', key, () =>
          this.client.send(
            new UploadPartCommand({
              Bucket: this.bucket,
              Key,
              UploadId,
              PartNumber,
              Body,
              ContentLength: end - start + 1,
            }),
          ),
        );
        parts.push({ ETag: part.ETag ?? '', PartNumber });
      }
      await this.attempt('store', key, () =>
        this.client.send(
          new CompleteMultipartUploadCommand({ Bucket: this.bucket, Key, UploadId, MultipartUpload: { Parts: parts } }),
        ),
      );
    } catch (error) {
      // Parts left behind cost storage until a lifecycle rule removes them; abort them now when the store lets us.
      await this.client
        .send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key, UploadId }))
        .catch(() => undefined);
      throw error;
    } finally {
      await handle.close();
    }
  }

  async putBytes(key: string, bytes: Uint8Array): Promise<void> {
    await this.attempt('store', key, () =>
      this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.objectKey(key),
          Body: bytes,
          ContentLength: bytes.length,
        }),
      ),
    );
  }

  async getBytes(key: string): Promise<Buffer> {
    const stream = await this.openRead(key);
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of stream) chunks.push(chunk as Buffer);
    } catch (error) {
      throw storeFailure(error, 'read', key, this.bucket);
    }
    return Buffer.concat(chunks);
  }

  async head(key: string): Promise<BlobInfo | undefined> {
    try {
      const answer = await this.attempt('read', key, () =>
        this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) })),
      );
      return { length: answer.ContentLength ?? 0 };
    } catch (error) {
      if (error instanceof HicareError && error.code === 'NOT_FOUND') return undefined;
      throw error;
    }
  }

  async openRead(key: string, range?: ByteRange): Promise<Readable> {
    const Range = range === undefined ? undefined : `bytes=${range.start}-${range.end}`;
    const answer = await this.attempt('read', key, () =>
      this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: this.objectKey(key),
          ...(Range === undefined ? {} : { Range }),
        }),
      ),
    );
    if (!(answer.Body instanceof Readable)) throw storeFailure(new Error('no body'), 'read', key, this.bucket);
    return answer.Body;
  }

  async delete(key: string): Promise<void> {
    await this.attempt('delete', key, () =>
      this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) })),
    );
  }

  localPath(): undefined {
    return undefined;
  }

  async check(): Promise<void> {
    await this.attempt('reach', undefined, () => this.client.send(new HeadBucketCommand({ Bucket: this.bucket })));
  }

  /**
   * A URL that fetches `key` without credentials until it expires, signed for that one object and GET only. The
   * portal mints one only after it has decided the caller may have the bytes.
   */
  async presignGet(key: string, options: { expiresInSeconds: number; downloadName?: string }): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: this.objectKey(key),
      ...(options.downloadName === undefined
        ? {}
        : {
            ResponseContentDisposition: `attachment; filename="${options.downloadName.replace(/[^\x20-\x7e]|["\\%/]/g, '_')}"`,
          }),
    });
    try {
      return await getSignedUrl(this.client, command, { expiresIn: options.expiresInSeconds });
    } catch (error) {
      throw storeFailure(error, 'read', key, this.bucket);
    }
  }

  /** Stops the client's connections (a portal closing, a test ending). */
  destroy(): void {
    this.client.destroy();
  }

  private async attempt<T>(action: StoreAction, key: string | undefined, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw storeFailure(error, action, key, this.bucket);
    }
  }
}
