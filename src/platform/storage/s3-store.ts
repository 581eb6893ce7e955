// Blobs as objects of an S3-compatible bucket (AWS S3, MinIO, Ceph, s3rver in tests), written as a
// multipart upload streamed from the request in parts of a few MB: memory stays flat whatever the
// file's size, and an upload that fails or is cut off is aborted, so no object and no parts remain.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { randomUUID } from "node:crypto";
import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";
import { BlobNotFound, checkKey, type BlobStore, type PutOptions, type StoredBlob } from "./blob-store.ts";
import { Meter } from "./metering.ts";

export interface S3Settings {
  endpoint?: string | undefined;
  bucket: string;
  region: string;
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
  /** Bucket in the path (http://host/bucket/key), as MinIO and most self-hosted servers want. */
  forcePathStyle: boolean;
  /** Prepended to every object name, so one bucket can hold several installations. */
  prefix?: string | undefined;
}

/** The smallest part S3 accepts; two in flight keep memory at ~10 MB per upload. */
const PART_SIZE = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

export class S3Store implements BlobStore {
  readonly kind = "s3" as const;
  readonly client: S3Client;

  constructor(readonly settings: S3Settings) {
    const config: S3ClientConfig = {
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      // Checksums only where S3 requires them: several S3-compatible servers refuse the trailing
      // checksums the SDK sends by default on streamed bodies.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      ...(settings.accessKeyId && settings.secretAccessKey
        ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } }
        : {}),
    };
    this.client = new S3Client(config);
  }

  private objectName(key: string): string {
    return `${this.settings.prefix ?? ""}${checkKey(key)}`;
  }

  async put(source: Readable, options: PutOptions = {}): Promise<StoredBlob> {
    const key = randomUUID();
    const meter = new Meter(options.maxBytes);
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.settings.bucket,
        Key: this.objectName(key),
        Body: meter,
        ...(options.contentType ? { ContentType: options.contentType } : {}),
      },
      partSize: PART_SIZE,
      queueSize: PARTS_IN_FLIGHT,
      leavePartsOnError: false,
    });
    const [piped, uploaded] = await Promise.allSettled([pipeline(source, meter), upload.done()]);
    if (piped.status === "rejected" || uploaded.status === "rejected") {
      await upload.abort().catch(() => undefined);
      // A small body goes up as one PutObject once the stream ended: should the stream have failed
      // after that, the object must not stay.
      await this.delete(key).catch(() => undefined);
      throw piped.status === "rejected" ? piped.reason : (uploaded as PromiseRejectedResult).reason;
    }
    return { key, size: meter.bytes, sha256: meter.digest() };
  }

  async get(key: string): Promise<Readable> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.objectName(key) }),
      );
      return out.Body as Readable;
    } catch (error) {
      if (isMissing(error)) throw new BlobNotFound(key);
      throw error;
    }
  }

  async head(key: string): Promise<{ size: number } | null> {
    try {
      const out = await this.client.send(
        new HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.objectName(key) }),
      );
      return { size: Number(out.ContentLength ?? 0) };
    } catch (error) {
      if (isMissing(error) || error instanceof BlobNotFound) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.objectName(key) }),
    );
  }

  close(): void {
    this.client.destroy();
  }
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
}
