/**
 * Reads a file that another process is still appending to, as an async iterable of chunks. Used to
 * feed `frames.rgba` to ffmpeg while the harness writes it.
 */
import { open, type FileHandle } from 'node:fs/promises';

export interface TailFileOptions {
  /** Returns the final size in bytes once the writer has finished, or null while it still writes. */
  readonly finalSize: () => number | null;
  readonly signal: AbortSignal;
  /** Wait between reads that found no new bytes, in milliseconds. */
  readonly pollMs?: number;
  /** Bytes per read. */
  readonly chunkBytes?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function openWhenPresent(file: string, options: TailFileOptions, pollMs: number): Promise<FileHandle | null> {
  for (;;) {
    if (options.signal.aborted) return null;
    try {
      return await open(file, 'r');
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // The file can stay absent when the writer finished without frames.
      if (options.finalSize() !== null) return null;
    }
    await sleep(pollMs);
  }
}

/**
 * Yields the bytes of `file` in order until `finalSize()` bytes were read. Ends early, without an
 * error, when `signal` fires; the consumer decides what an incomplete read means.
 */
export async function* tailFile(file: string, options: TailFileOptions): AsyncGenerator<Uint8Array> {
  const pollMs = options.pollMs ?? 10;
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  const handle = await openWhenPresent(file, options, pollMs);
  if (handle === null) return;

  try {
    let position = 0;
    for (;;) {
      if (options.signal.aborted) return;
      const buffer = Buffer.allocUnsafe(chunkBytes);
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, position);
      if (bytesRead > 0) {
        position += bytesRead;
        yield buffer.subarray(0, bytesRead);
        continue;
      }

      const finalSize = options.finalSize();
      if (finalSize !== null && position >= finalSize) return;
      await sleep(pollMs);
    }
  } finally {
    await handle.close();
  }
}
