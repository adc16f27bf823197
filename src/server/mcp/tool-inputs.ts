/** Zod pieces shared by the tool input schemas. */
import { z } from 'zod';
import { ASPECTS } from '../../core/pipeline/render-request.js';
import { QUALITIES } from '../../core/pipeline/render-request.js';
import { HTTP_FORMATS } from '../requests/render-body.js';

export const specInput = z
  .record(z.string(), z.unknown())
  .describe('A VideoSpec document as a JSON object (call get_video_spec_schema for its schema; it needs a non-empty "scenes" array).');

export const aspectInput = z
  .enum(ASPECTS as [string, ...string[]])
  .optional()
  .describe('Frame shape, keeping the long edge: reels (9:16), square (1:1), landscape (16:9) or portrait45 (4:5). Default: the spec\'s own size.');

export const formatInput = z
  .enum(HTTP_FORMATS as [string, ...string[]])
  .optional()
  .describe('Output file: mp4 (H.264), gif, or transparent (VP9 webm with alpha). Default mp4.');

export const qualityInput = z.enum(QUALITIES as [string, ...string[]]).optional().describe('mp4 quality: low, medium, high or max. Default: the server default.');

export const posterInput = z.string().min(1).optional().describe('Also write a PNG poster from the frame at this time, such as "1.5s", "30f", "500ms" or "0.5r".');

export const waitInput = z
  .boolean()
  .optional()
  .describe('true (default): wait for the render and return the download links. false: return the job id at once and follow it with get_render.');

export const providerInput = z.string().min(1).optional().describe('AI provider: claude (default), gemini, mistral or ollama.');

/** The `options` object of a render body, without the fields the caller left out. */
export function renderOptions(args: { aspect?: string | undefined; format?: string | undefined; quality?: string | undefined; poster?: string | undefined }): Record<string, string> {
  const options: Record<string, string> = {};
  for (const key of ['aspect', 'format', 'quality', 'poster'] as const) {
    const value = args[key];
    if (value !== undefined) options[key] = value;
  }
  return options;
}
