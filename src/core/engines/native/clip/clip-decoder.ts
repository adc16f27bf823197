/**
 * One ffmpeg process that decodes a video file to raw RGBA frames at the composition's frame rate,
 * read strictly in order. Asking for an earlier frame restarts the process, so a render that moves
 * forward decodes each frame once. The process is killed on `close()` and on abort.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { FluvieError } from '../../../errors.js';

export interface ClipDecoderOptions {
  ffmpegPath: string;
  /** Full ffmpeg argv that writes `width * height * 4`-byte RGBA frames to stdout. */
  args: readonly string[];
  width: number;
  height: number;
  /** JSON path of the element, for messages. */
  path: string;
}

/** Bytes of stderr kept for the error message of a failed decode. */
const STDERR_TAIL = 4000;

export class ClipDecoder {
  private child: ChildProcessByStdio<null, Readable, Readable> | null = null;
  private frames: AsyncIterator<Uint8Array> | null = null;
  private stderr = '';
  /** Index of the frame in `current`; -1 before the first read. */
  private position = -1;
  private current: Uint8Array | null = null;
  private ended = false;

  constructor(private readonly options: ClipDecoderOptions) {}

  /**
   * Returns decoded frame `index`, or the last frame when the file ends earlier, or null when it
   * decodes no frame at all.
   * @throws FluvieError `capture_failed` when ffmpeg exits with an error.
   */
  async frameAt(index: number): Promise<Uint8Array | null> {
    if (index < this.position) this.stop();
    if (this.frames === null) this.start();

    while (this.position < index && !this.ended) {
      const next = await this.frames!.next();
      if (next.done === true) {
        this.ended = true;
        await this.checkExit();
        break;
      }
      this.current = next.value;
      this.position += 1;
    }
    return this.current;
  }

  /** Kills the decoder process and waits until it has exited; a later `frameAt` starts a new one. */
  async close(): Promise<void> {
    const child = this.child;
    const exited = child === null || child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
    this.stop();
    await exited;
  }

  private start(): void {
    const child = spawn(this.options.ffmpegPath, [...this.options.args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    // A spawn failure also ends stdout, so checkExit reports it.
    child.on('error', (error) => {
      this.stderr += `\n${error.message}`;
    });
    this.child = child;
    this.frames = readFrames(child.stdout, this.options.width * this.options.height * 4)[Symbol.asyncIterator]();
    this.position = -1;
    this.current = null;
    this.ended = false;
  }

  private stop(): void {
    const child = this.child;
    this.child = null;
    if (this.frames !== null) void this.frames.return?.(undefined).catch(() => undefined);
    this.frames = null;
    if (child !== null && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    this.position = -1;
    this.current = null;
    this.ended = false;
  }

  private async checkExit(): Promise<void> {
    const child = this.child;
    if (child === null) return;
    const code = child.exitCode ?? (child.signalCode === null ? await new Promise<number | null>((resolve) => child.once('close', resolve)) : null);
    if (code === 0 || code === null) return;
    throw new FluvieError('capture_failed', `${this.options.path}: ffmpeg failed to decode the clip (exit ${code}): ${this.stderr.trim()}`);
  }
}

/** Splits a byte stream into frames of exactly `frameBytes`; a short tail is dropped. */
async function* readFrames(stream: Readable, frameBytes: number): AsyncGenerator<Uint8Array> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    pending.push(chunk);
    pendingBytes += chunk.byteLength;
    while (pendingBytes >= frameBytes) {
      const joined = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
      yield new Uint8Array(joined.buffer, joined.byteOffset, frameBytes).slice();
      const rest = joined.subarray(frameBytes);
      pending = rest.byteLength > 0 ? [rest] : [];
      pendingBytes = rest.byteLength;
    }
  }
}
