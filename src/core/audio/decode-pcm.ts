/**
 * ffmpeg adapter: decodes an audio file (or the audio of a video file) to mono 32-bit float PCM at
 * the analysis rate. Each source and trim range is decoded once per {@link PcmDecoder}, so every
 * part of one render that reads a track shares one decode.
 */
import { endianness } from 'node:os';
import { execa } from 'execa';
import { FluvieError } from '../errors.js';
import { ANALYSIS_SAMPLE_RATE } from './audio-band.js';

export interface PcmRequest {
  file: string;
  /** Source seconds to start and stop at; null for the file's own start or end. */
  trimFrom: number | null;
  trimTo: number | null;
}

/** Largest decode kept in memory: one hour of mono float samples at 44.1 kHz (about 635 MB). */
const MAX_PCM_BYTES = 4 * ANALYSIS_SAMPLE_RATE * 3600;

/** Builds the ffmpeg arguments that write the trimmed source as raw `f32le` mono samples to stdout. */
export function pcmDecodeArgs(request: PcmRequest): string[] {
  const bounds = [
    ...(request.trimFrom === null ? [] : [`start=${request.trimFrom}`]),
    ...(request.trimTo === null ? [] : [`end=${request.trimTo}`]),
  ];
  // atrim cuts decoded samples exactly, the same way the audio mix trims the track.
  const filters = bounds.length === 0 ? [] : ['-af', `atrim=${bounds.join(':')},asetpts=PTS-STARTPTS`];
  return ['-v', 'error', '-nostdin', '-i', request.file, '-vn', ...filters, '-f', 'f32le', '-ac', '1', '-ar', String(ANALYSIS_SAMPLE_RATE), '-'];
}

export class PcmDecoder {
  private readonly decoded = new Map<string, Promise<Float32Array>>();

  constructor(
    private readonly ffmpegPath: string,
    private readonly signal: AbortSignal,
  ) {}

  /**
   * Returns the samples of `request`, decoding it on the first call.
   * @throws FluvieError `ffmpeg_failed` when ffmpeg cannot decode the file, `canceled` on abort.
   */
  decode(request: PcmRequest): Promise<Float32Array> {
    const key = JSON.stringify([request.file, request.trimFrom, request.trimTo]);
    let samples = this.decoded.get(key);
    if (samples === undefined) {
      samples = this.run(request);
      this.decoded.set(key, samples);
    }
    return samples;
  }

  private async run(request: PcmRequest): Promise<Float32Array> {
    const args = pcmDecodeArgs(request);
    const result = await execa(this.ffmpegPath, args, {
      reject: false,
      stdin: 'ignore',
      encoding: 'buffer',
      maxBuffer: MAX_PCM_BYTES,
      cancelSignal: this.signal,
    });
    if (result.isCanceled) throw new FluvieError('canceled', 'Render canceled', { cause: this.signal.reason });
    if (result.failed) {
      const stderr = Buffer.from(result.stderr).toString('utf8').trim().split('\n').slice(-5).join('\n');
      const reason = result.isMaxBuffer ? `its decoded audio is longer than one hour (${MAX_PCM_BYTES} bytes)` : stderr || result.shortMessage;
      throw new FluvieError('ffmpeg_failed', `ffmpeg could not decode ${request.file} for audio analysis: ${reason}\nCommand: ${this.ffmpegPath} ${args.join(' ')}`, {
        cause: result,
      });
    }
    return toFloat32(result.stdout);
  }
}

/** Reads little-endian float samples; copies so the array is aligned whatever the buffer offset. */
function toFloat32(bytes: Uint8Array): Float32Array {
  const count = Math.floor(bytes.byteLength / 4);
  if (endianness() === 'LE') return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + count * 4));
  const view = new DataView(bytes.buffer, bytes.byteOffset, count * 4);
  const samples = new Float32Array(count);
  for (let i = 0; i < count; i += 1) samples[i] = view.getFloat32(i * 4, true);
  return samples;
}
