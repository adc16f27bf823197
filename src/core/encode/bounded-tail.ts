/**
 * Memory-bounded capture of a process's output. ffmpeg can print megabytes to stderr (one warning per
 * frame, for example), and only the last lines explain a failure, so errors quote this tail.
 */

/** Default size of the kept stderr tail, in bytes. */
export const DEFAULT_TAIL_BYTES = 8 * 1024;

export interface BoundedTail {
  /** Appends output. Text is stored as UTF-8. */
  append(chunk: Uint8Array | string): void;
  /** Returns the last `maxBytes` bytes as text. When older output was dropped, the text starts at a line start. */
  text(): string;
  /** Total bytes appended so far, including the dropped ones. */
  readonly totalBytes: number;
}

/** Creates a tail buffer that keeps at most about `2 * maxBytes` bytes in memory at any time. */
export function createBoundedTail(maxBytes: number = DEFAULT_TAIL_BYTES): BoundedTail {
  if (!Number.isInteger(maxBytes) || maxBytes < 1) {
    throw new RangeError(`maxBytes must be a positive integer, received ${String(maxBytes)}`);
  }

  let chunks: Buffer[] = [];
  let keptBytes = 0;
  let totalBytes = 0;

  const compact = (): void => {
    const joined = Buffer.concat(chunks);
    const kept = joined.subarray(joined.length - maxBytes);
    chunks = [Buffer.from(kept)];
    keptBytes = kept.length;
  };

  return {
    append(chunk) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      chunks.push(buffer);
      keptBytes += buffer.length;
      totalBytes += buffer.length;
      // Compacting only past twice the limit keeps appends amortised O(chunk size).
      if (keptBytes > 2 * maxBytes) compact();
    },

    text() {
      const joined = Buffer.concat(chunks);
      if (totalBytes <= maxBytes) return joined.toString('utf8');

      const kept = joined.subarray(joined.length - maxBytes);
      const newline = kept.findIndex((byte) => byte === 0x0a || byte === 0x0d);
      // Start at the first whole line, unless the kept bytes contain no line break at all.
      const start = newline === -1 ? 0 : newline + 1;
      return kept.subarray(start).toString('utf8').replace(/^\uFFFD+/, '');
    },

    get totalBytes() {
      return totalBytes;
    },
  };
}
