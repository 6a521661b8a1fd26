import { Client } from 'minio';

import { sha256Hex } from '@app/domain';

import { BlobStore } from './blob-store';

export interface S3Settings {
  /** e.g. https://s3.example.gov.cn or http://127.0.0.1:9000 */
  endpoint: string;
  bucket: string;
  accessKey: string;
  secretKey: string;
  region: string;
}

/**
 * Blob store on an S3-compatible object store (production): objects keyed `ab/cd/abcd…` like the filesystem
 * backend, written once (an existing object is left alone), checked against their sha256 before writing.
 */
export class S3BlobStore extends BlobStore {
  private readonly client: Client;

  constructor(private readonly settings: S3Settings) {
    super();
    const url = new URL(settings.endpoint);
    this.client = new Client({
      endPoint: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      useSSL: url.protocol === 'https:',
      accessKey: settings.accessKey,
      secretKey: settings.secretKey,
      region: settings.region,
      pathStyle: true,
    });
  }

  async put(sha256: string, content: Buffer): Promise<void> {
    const actual = sha256Hex(content);
    if (actual !== sha256) {
      throw new Error(`content hash ${actual} does not match ${sha256}`);
    }
    if (await this.exists(sha256)) {
      return;
    }
    await this.client.putObject(this.settings.bucket, keyOf(sha256), content, content.length, {
      'Content-Type': 'application/octet-stream',
    });
  }

  async get(sha256: string): Promise<Buffer | undefined> {
    try {
      const stream = await this.client.getObject(this.settings.bucket, keyOf(sha256));
      const chunks: Buffer[] = [];
      for await (const chunk of stream) {
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks);
    } catch (error) {
      if (isMissing(error)) {
        return undefined;
      }
      throw error;
    }
  }

  async destroy(sha256: string): Promise<void> {
    await this.client.removeObject(this.settings.bucket, keyOf(sha256));
  }

  private async exists(sha256: string): Promise<boolean> {
    try {
      await this.client.statObject(this.settings.bucket, keyOf(sha256));
      return true;
    } catch (error) {
      if (isMissing(error)) {
        return false;
      }
      throw error;
    }
  }
}

export function keyOf(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) {
    throw new Error(`not a sha256: ${sha256}`);
  }
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'NoSuchKey' || code === 'NotFound' || code === 'NoSuchObject';
}
