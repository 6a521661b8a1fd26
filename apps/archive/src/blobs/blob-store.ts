/** Content-addressed storage: bytes stored once under their sha256, never overwritten; removed only by disposal. */
export abstract class BlobStore {
  /** Stores `content` under `sha256` unless it is already there. */
  abstract put(sha256: string, content: Buffer): Promise<void>;

  /** The bytes stored under `sha256`, or undefined when missing. */
  abstract get(sha256: string): Promise<Buffer | undefined>;

  /**
   * Removes the bytes — only for lawful destruction after a recorded disposal decision, and only when no item
   * that is kept still refers to them (the caller checks). Missing bytes are not an error.
   */
  abstract destroy(sha256: string): Promise<void>;
}
