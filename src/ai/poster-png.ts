/**
 * Draws a spec's poster frame with the native engine and encodes it as PNG, so an edit can show a
 * vision model what the video looks like now.
 */
import { createCanvas, ImageData } from '@napi-rs/canvas';
import { createNativeEngine } from '../core/engines/native/native-engine.js';
import { ignoreEvents } from '../core/pipeline/events.js';
import { planRender } from '../core/pipeline/plan.js';
import type { VideoSpec } from '../spec/index.js';

/**
 * Returns the poster frame (the spec's `poster` time, else frame 0) as base64 PNG. Features the
 * native engine cannot draw are skipped, because an approximate picture still grounds the edit.
 */
export async function renderPosterPngBase64(spec: VideoSpec, baseDir: string, signal: AbortSignal): Promise<string> {
  const plan = planRender(spec, { aspect: null, maxFrames: null, posterTime: null });
  const stream = await createNativeEngine().capture({ spec, plan, baseDir, allowUnsupported: true }, { signal, emit: ignoreEvents });
  try {
    const rgba = await stream.renderFrame(plan.posterFrame ?? 0);
    const canvas = createCanvas(stream.width, stream.height);
    const pixels = new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.byteLength);
    canvas.getContext('2d').putImageData(new ImageData(pixels, stream.width, stream.height), 0, 0);
    const png = await canvas.encode('png');
    return png.toString('base64');
  } finally {
    await stream.close();
  }
}
