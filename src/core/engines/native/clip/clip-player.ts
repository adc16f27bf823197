/**
 * Plays one clip (a Clip element or a video background) inside its frame window. The decoder starts
 * on first use at the laid-out box size. Each output frame's clip frame is loaded before that frame
 * is drawn, then painted with `fit` and the fade opacity.
 */
import { createCanvas, ImageData, type Canvas, type Image, type SKRSContext2D } from '@napi-rs/canvas';
import { FluvieError } from '../../../errors.js';
import type { FrameWindow } from '../../../pipeline/plan-types.js';
import { fitRects, type ImageFit } from '../draw-image.js';
import { ClipDecoder } from './clip-decoder.js';
import { clipDecodeArgs, clipFadeOpacity, rampFrameIndex, REVERSE_MAX_BYTES, reverseBytes, type ClipPlayback } from './clip-timing.js';

/** Facts ffprobe reports about a clip file. */
export interface ClipProbe {
  width: number;
  height: number;
  /** Seconds; NaN when unknown. */
  duration: number;
  /** Source frames per second; NaN when unknown. */
  frameRate: number;
  hasAudio: boolean;
}

export interface ClipPlayerOptions {
  /** JSON path of the element or background. */
  path: string;
  file: string;
  ffmpegPath: string;
  probe: ClipProbe;
  playback: ClipPlayback;
  /** Output frames the clip plays in. */
  window: FrameWindow;
  fps: number;
  fit: ImageFit;
  fadeInFrames: number;
  fadeOutFrames: number;
  /** Image painted when the clip has no decoded frame. */
  poster: Image | null;
}

export class ClipPlayer {
  private decoder: ClipDecoder | null = null;
  private box = { width: 0, height: 0 };
  private frameCanvas: Canvas | null = null;
  /** Decoded frame shown at the last `update`; -1 for none. */
  private shownIndex = -1;
  private loadedIndex = -1;
  private opacity = 1;
  /** Decoded frames per source second under a speed ramp (see `startDecoder`). */
  private rampDecodeFps = 0;

  constructor(private readonly options: ClipPlayerOptions) {}

  /** Sets the box the clip is painted into; the decoder scales frames to fit it. */
  setBox(width: number, height: number): void {
    this.box = { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
  }

  /** Decodes the frame `frame` shows, when `frame` lies in the clip's window. */
  async load(frame: number): Promise<void> {
    const { window } = this.options;
    if (frame < window.start || frame >= window.end) return;
    const index = frame - window.start;
    if (index === this.loadedIndex) return;

    const decoder = this.decoder ?? this.startDecoder();
    const ramp = this.options.playback.ramp ?? null;
    const pixels = await decoder.frameAt(ramp === null ? index : rampFrameIndex(ramp, index, this.rampDecodeFps));
    this.loadedIndex = index;
    if (pixels === null || this.frameCanvas === null) return;
    const canvas = this.frameCanvas;
    canvas.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(pixels.buffer, pixels.byteOffset, pixels.byteLength), canvas.width, canvas.height), 0, 0);
  }

  /** Sets the state painted on `frame` and returns a number that changes with it. */
  update(frame: number): number {
    const { window } = this.options;
    const elapsed = Math.min(Math.max(frame - window.start, 0), window.end - window.start - 1);
    this.shownIndex = this.loadedIndex;
    this.opacity = clipFadeOpacity(elapsed, window.end - window.start, this.options.fadeInFrames, this.options.fadeOutFrames);
    return this.shownIndex * 1000 + Math.round(this.opacity * 999);
  }

  /** Paints the loaded frame (or the poster) into a box of `size` at the origin. */
  paint(ctx: SKRSContext2D, size: { width: number; height: number }, alpha: number): void {
    const source: Canvas | Image | null = this.shownIndex >= 0 && this.frameCanvas !== null ? this.frameCanvas : this.options.poster;
    if (source === null || size.width <= 0 || size.height <= 0) return;
    const { source: from, destination: to } = fitRects(this.options.fit, source.width, source.height, { x: 0, y: 0, ...size });
    ctx.save();
    ctx.globalAlpha = alpha * this.opacity;
    ctx.beginPath();
    ctx.rect(0, 0, size.width, size.height);
    ctx.clip();
    ctx.drawImage(source, from.x, from.y, from.width, from.height, to.x, to.y, to.width, to.height);
    ctx.restore();
  }

  async close(): Promise<void> {
    const decoder = this.decoder;
    this.decoder = null;
    this.loadedIndex = -1;
    await decoder?.close();
  }

  /** Starts the decoder at the size the clip covers on screen, so frames are drawn at about 1:1. */
  private startDecoder(): ClipDecoder {
    const { probe, playback, path } = this.options;
    const { source, destination } = fitRects(this.options.fit, probe.width, probe.height, { x: 0, y: 0, ...this.box });
    const scale = source.width > 0 ? destination.width / source.width : 1;
    const width = Math.max(1, Math.round(probe.width * scale));
    const height = Math.max(1, Math.round(probe.height * scale));

    if (playback.speed < 0) {
      const end = playback.trimTo ?? probe.duration;
      const bytes = reverseBytes(end - playback.trimFrom, Number.isFinite(probe.frameRate) ? probe.frameRate : 60, width, height);
      if (!Number.isFinite(bytes) || bytes > REVERSE_MAX_BYTES) {
        throw new FluvieError(
          'capture_failed',
          `${path}: reverse playback holds every frame of the trimmed range in memory, about ${Math.round(bytes / 2 ** 20)} MiB here, more than the ${REVERSE_MAX_BYTES / 2 ** 20} MiB limit. Trim the clip shorter or make its box smaller.`,
        );
      }
    }

    // A ramp decodes every source frame at rate 1 and picks frames by the ramp's source clock.
    const ramped = playback.ramp !== undefined && playback.ramp !== null;
    this.rampDecodeFps = Number.isFinite(probe.frameRate) && probe.frameRate > 0 ? probe.frameRate : this.options.fps;
    const decodeFps = ramped ? this.rampDecodeFps : this.options.fps;

    this.frameCanvas = createCanvas(width, height);
    this.decoder = new ClipDecoder({
      ffmpegPath: this.options.ffmpegPath,
      args: clipDecodeArgs({ ...playback, speed: ramped ? 1 : playback.speed, file: this.options.file, fps: decodeFps, width, height }),
      width,
      height,
      path,
    });
    return this.decoder;
  }
}
