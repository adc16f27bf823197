/**
 * The `Storage` seam: where rendered files live. The local implementation keeps them on disk; an
 * S3 implementation can plug in behind the same interface. Every implementation must pass the suite
 * in `test/conformance/storage.ts`.
 */
import type { Readable } from 'node:stream';

export type Visibility = 'public' | 'private';

export interface ObjectMetadata {
  contentType: string;
  visibility: Visibility;
  /** When the retention sweep may delete the object (ms since epoch), or null for never. */
  expiresAtMs: number | null;
}

export interface StoredObject extends ObjectMetadata {
  key: string;
  bytes: number;
  createdAtMs: number;
}

/** Inclusive byte range, as in HTTP `Range: bytes=start-end`. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface ObjectBody {
  object: StoredObject;
  stream: Readable;
  /** The range served, or null for the whole object. */
  range: ByteRange | null;
}

export interface Storage {
  /** Backend name for logs and the landing page (`local`, `s3`). */
  readonly backend: string;
  /**
   * Stores the file at `sourcePath` under `key`, replacing any object there. Readers see either the
   * old object or the complete new one, never a partial file.
   */
  putFile(key: string, sourcePath: string, metadata: ObjectMetadata): Promise<StoredObject>;
  /** Returns the object's facts, or null when it does not exist. */
  stat(key: string): Promise<StoredObject | null>;
  /** Opens the object (or `range` of it) for reading, or returns null when it does not exist. */
  openRead(key: string, range: ByteRange | null): Promise<ObjectBody | null>;
  /** Deletes the object; returns whether it existed. */
  delete(key: string): Promise<boolean>;
  /**
   * Deletes every object in `keys` (missing ones are ignored), in as few requests as the backend
   * allows: the retention sweep uses it after it has already read each object's size.
   */
  deleteMany(keys: readonly string[]): Promise<void>;
  /** Lists every stored object whose key starts with `prefix` (all objects when empty). */
  list(prefix?: string): AsyncIterable<StoredObject>;
  /**
   * Returns a URL to redirect a download to (an S3 public or presigned URL), or null when the server
   * streams the object itself.
   */
  downloadRedirect(object: StoredObject, ttlMs: number): Promise<string | null>;
  /** Resolves when the storage can be written; rejects with the reason otherwise. */
  checkReady(): Promise<void>;
}
