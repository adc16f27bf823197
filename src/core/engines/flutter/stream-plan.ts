/**
 * Predicts a spec render's frame size and rate before capture starts, so encoding can overlap
 * capture. The prediction follows the harness's rules: the spec's `size` (default `reels`) and
 * `fps` (default 30), an aspect override keeping the long edge, and gif exports at `export.fps`
 * (default 15). A wrong prediction costs time, never correctness, because the streamed output is
 * kept only when the manifest's ffmpeg arguments match the predicted ones.
 */
import { z } from 'zod';
import { canvasSizeFor } from '../../pipeline/plan-size.js';
import type { Aspect } from '../../pipeline/render-request.js';
import { SIZE_PRESETS, type VideoSize } from '../../../spec/size.js';
import { resolveSceneTimeline } from '../../../spec/timeline.js';
import { VideoSpecSchema } from '../../../spec/schema/video.js';

export interface StreamCanvas {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly gifFps: number;
}

const DEFAULT_FPS = 30;
const DEFAULT_GIF_FPS = 15;

const sizeSchema = z.union([
  z.enum(Object.keys(SIZE_PRESETS) as [keyof typeof SIZE_PRESETS, ...(keyof typeof SIZE_PRESETS)[]]),
  z.object({ width: z.number().int().positive(), height: z.number().int().positive() }),
]);

const canvasFieldsSchema = z.object({
  size: sizeSchema.optional(),
  fps: z.number().int().positive().optional(),
  export: z.object({ mode: z.string().optional(), fps: z.number().int().positive().optional() }).optional(),
});

/**
 * Returns the predicted canvas of a spec, or null when streaming should not be attempted: the
 * document is not an object with readable size fields, or it carries audio or clips (the harness
 * then adds audio inputs, so the prediction would not match).
 */
export function predictStreamCanvas(spec: unknown, aspect: Aspect | null): StreamCanvas | null {
  const parsed = canvasFieldsSchema.safeParse(spec);
  if (!parsed.success) return null;
  if (mentionsAudio(spec)) return null;

  const fields = parsed.data;
  const declared: VideoSize = fields.size === undefined ? SIZE_PRESETS.reels : typeof fields.size === 'string' ? SIZE_PRESETS[fields.size] : fields.size;
  const size = canvasSizeFor(declared, aspect);
  const gifFps = fields.export?.mode === 'gif' && fields.export.fps !== undefined ? fields.export.fps : DEFAULT_GIF_FPS;
  return { width: size.width, height: size.height, fps: fields.fps ?? DEFAULT_FPS, gifFps };
}

function mentionsAudio(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(mentionsAudio);
  if (value === null || typeof value !== 'object') return false;

  const record = value as Record<string, unknown>;
  if (Array.isArray(record.audio) && record.audio.length > 0) return true;
  if (record.type === 'Clip') return true;
  return Object.values(record).some(mentionsAudio);
}

/**
 * Returns the frame count the spec's timeline gives, capped by `maxFrames`, or null when the
 * document does not parse as a VideoSpec. The start event reports it; progress totals still come
 * from the harness.
 */
export function predictTotalFrames(spec: unknown, maxFrames: number | null): number | null {
  const parsed = VideoSpecSchema.safeParse(spec);
  if (!parsed.success) return null;
  const total = resolveSceneTimeline(parsed.data).totalFrames;
  return maxFrames === null ? total : Math.min(total, maxFrames);
}
