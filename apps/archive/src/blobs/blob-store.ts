/** Content-addressed storage: bytes stored once under their sha256, never overwritten or deleted. */
export abstract class BlobStore {
  /** Stores `content` under `sha256` unless it is already there. */
  abstract put(sha256: string, content: Buffer): Promise<void>;

  /** The bytes stored under `sha256`, or undefined when missing. */
  abstract get(sha256: string): Promise<Buffer | undefined>;
}
