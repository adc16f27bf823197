/**
 * zod schemas of the render API's wire shapes: request bodies and the JSON the routes respond with.
 * The OpenAPI document is generated from them, and the route tests check real responses against
 * them, so the document cannot drift from what the server sends.
 */
import { z } from 'zod';
import { ASPECTS, QUALITIES } from '../../core/pipeline/render-request.js';

const isoTime = z.string().describe('ISO-8601 UTC time');
const spec = z.record(z.string(), z.unknown()).describe('VideoSpec document (see GET /v1/schema/video-spec)');

export const renderOptionsSchema = z
  .object({
    format: z.enum(['mp4', 'gif', 'transparent']).optional().describe('output format (default mp4); imageSequence is rejected over HTTP'),
    aspect: z.enum(ASPECTS).optional(),
    quality: z.enum(QUALITIES).optional(),
    poster: z.string().min(1).optional().describe('poster time such as "1.5s", "30f" or "500ms"'),
  })
  .strict()
  .describe('render options; other keys get 400');

export const renderRequestSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9_]+$/).optional().describe('composition key of the Flutter project (503 without RENDER_PROJECT)'),
    spec: spec.optional(),
    prompt: z.string().min(1).optional().describe('Description of the video; the server authors a VideoSpec with an AI provider (503 without its key)'),
    edit: z.object({ base: spec, change: z.string().min(1) }).optional().describe('A VideoSpec and the change to make with an AI provider (503 without its key)'),
    code: z.string().min(1).optional().describe('Dart source (not available in this build)'),
    provider: z.string().optional(),
    options: renderOptionsSchema.optional(),
    visibility: z.enum(['public', 'private']).optional().describe('default: PUBLIC_BY_DEFAULT'),
    ttl: z.string().regex(/^(\d+)(ms|s|m|h|d)$/).optional().describe('lifetime of the job and its files, such as "48h" (default FILE_TTL)'),
    webhook: z.object({ url: z.url(), secret: z.string().optional() }).optional().describe('receives one signed terminal event'),
  })
  .describe('exactly one of key, spec, prompt, edit, code');

export const fileLinkSchema = z.object({
  downloadUrl: z.string(),
  bytes: z.number().int().optional(),
  contentType: z.string().optional(),
  expiresAt: isoTime.optional(),
});

export const jobSchema = z.object({
  id: z.string().regex(/^rnd_/),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'canceled']),
  progress: z.object({ completed: z.number().int(), total: z.number().int() }).optional(),
  error: z.string().optional(),
  video: fileLinkSchema.optional(),
  poster: fileLinkSchema.optional(),
  code: z.string().optional(),
  spec: z.unknown().optional(),
  createdAt: isoTime,
  expiresAt: isoTime,
});

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), diagnostics: z.array(z.unknown()).optional() }),
});

export const diagnosticSchema = z.object({ path: z.string(), severity: z.enum(['error', 'warning', 'info']), code: z.string(), message: z.string() });

export const validateRequestSchema = z.union([z.object({ spec, format: z.enum(['mp4', 'gif', 'transparent']).optional() }), spec]);
export const validateResponseSchema = z.object({ ok: z.boolean(), diagnostics: z.array(diagnosticSchema) });

export const cleanupRequestSchema = z.object({ dryRun: z.boolean().optional() });
export const cleanupReportSchema = z.object({
  scanned: z.number().int(),
  deletedFiles: z.number().int(),
  deletedJobs: z.number().int(),
  freedBytes: z.number().int(),
  dryRun: z.boolean(),
  startedAt: isoTime,
  finishedAt: isoTime,
});

export const healthSchema = z.object({ status: z.enum(['ok', 'degraded']), failures: z.record(z.string(), z.string()).optional() });

/** Error shape of the docs routes and `/mcp`, which keep the Dart server's flat form. */
export const flatErrorSchema = z.object({ error: z.string() });

const docSummary = z.object({ path: z.string().describe('page path such as guides/rendering.md'), title: z.string() });
export const docsListSchema = z.object({ pages: z.array(docSummary) });
export const docsSearchSchema = z.object({ results: z.array(docSummary.extend({ snippet: z.string() })).describe('best match first') });
export const docsPageSchema = docSummary.extend({ content: z.string().describe('markdown source of the page') });
