// A local S3-compatible server (s3rver) on loopback with a throwaway folder and bucket, for the tests
// and the benchmark of the S3 blob store: the real protocol, nothing leaves the machine.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { CreateBucketCommand, ListObjectsV2Command, ListMultipartUploadsCommand } from "@aws-sdk/client-s3";
import { S3Store, type S3Settings } from "../../src/platform/storage/index.ts";

export interface LocalS3 {
  settings: S3Settings;
  store: S3Store;
  /** Names of the objects in the bucket. */
  objects(): Promise<string[]>;
  /** Multipart uploads begun and neither completed nor aborted. */
  pendingUploads(): Promise<number>;
  close(): Promise<void>;
}

export async function localS3(bucket = "closebook-test"): Promise<LocalS3> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), "closebook-s3-"));
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory });
  const { port } = (await server.run()) as { port: number };
  const settings: S3Settings = {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    region: "us-east-1",
    // s3rver's fixed credentials.
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  };
  const store = new S3Store(settings);
  await store.client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    settings,
    store,
    async objects() {
      const out = await store.client.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (out.Contents ?? []).map((o) => o.Key!);
    },
    async pendingUploads() {
      const out = await store.client
        .send(new ListMultipartUploadsCommand({ Bucket: bucket }))
        .catch(() => ({ Uploads: [] }));
      return (out.Uploads ?? []).length;
    },
    async close() {
      store.close();
      await server.close();
      await fs.rm(directory, { recursive: true, force: true });
    },
  };
}
