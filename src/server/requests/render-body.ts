/**
 * Parses the JSON body of `POST /v1/renders` with the Dart server's rules and exact 400 messages:
 * exactly one input of `key`, `spec`, `prompt`, `edit`, `code` (presence counts, so `"spec": null`
 * is an input too), then `provider`, `options`, `visibility`, `ttl`, and our `webhook`.
 */
import { closest, distance } from 'fastest-levenshtein';
import { parseDurationMs } from '../../config/env-values.js';
import { FluvieError } from '../../core/errors.js';
import { ASPECTS, QUALITIES, type Aspect, type Quality } from '../../core/pipeline/render-request.js';
import { MAX_AXIS_PX, MIN_AXIS_PX } from '../../spec/size.js';
import type { HttpOutputFormat, JobRenderOptions, WebhookTarget } from '../jobs/job-record.js';
import type { Visibility } from '../storage/storage.js';

export const INPUT_KEYS = ['key', 'spec', 'prompt', 'edit', 'code'] as const;
export const HTTP_FORMATS: readonly HttpOutputFormat[] = ['mp4', 'gif', 'transparent'];
export const OPTION_KEYS = ['format', 'aspect', 'quality', 'poster'] as const;
const KEY_PATTERN = /^[a-z0-9_]+$/;

export type RenderInput =
  | { kind: 'key'; key: string }
  | { kind: 'spec'; spec: Record<string, unknown> }
  | { kind: 'prompt'; prompt: string }
  | { kind: 'edit'; base: Record<string, unknown>; change: string }
  | { kind: 'code'; code: string };

export interface RenderSubmission {
  input: RenderInput;
  /** AI provider of prompt and edit renders, or null for the server default. */
  provider: string | null;
  options: JobRenderOptions;
  /** Null means the server default (`PUBLIC_BY_DEFAULT`). */
  visibility: Visibility | null;
  /** Null means the server default (`FILE_TTL`). */
  ttlMs: number | null;
  webhook: WebhookTarget | null;
}

/** Parses the raw body text; an empty body is `{}`. */
export function parseJsonBody(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('Body must be valid JSON');
  }
  if (!isObject(value)) throw invalid('Body must be a JSON object');
  return value;
}

/** Validates a parsed body. @throws FluvieError `invalid_request` with the first problem found. */
export function parseRenderBody(body: Record<string, unknown>): RenderSubmission {
  const present = INPUT_KEYS.filter((key) => Object.hasOwn(body, key));
  if (present.length !== 1) throw invalid('Provide exactly one of key, spec, prompt, edit, code.');

  return {
    input: parseInput(present[0] ?? 'key', body),
    provider: parseProvider(body['provider']),
    options: parseOptions(body['options']),
    visibility: parseVisibility(body['visibility']),
    ttlMs: parseTtl(body['ttl']),
    webhook: parseWebhook(body['webhook']),
  };
}

function parseInput(kind: (typeof INPUT_KEYS)[number], body: Record<string, unknown>): RenderInput {
  const value = body[kind];
  switch (kind) {
    case 'key': {
      const key = typeof value === 'string' ? value.trim() : '';
      if (!KEY_PATTERN.test(key)) throw invalid('key must be a non-empty string of lowercase letters, digits and underscores.');
      return { kind, key };
    }
    case 'spec':
      return { kind, spec: parseSpecObject(value, 'spec') };
    case 'prompt':
      return { kind, prompt: nonEmptyString(value, 'prompt must be a non-empty string.') };
    case 'edit': {
      if (!isObject(value)) throw invalid('edit must be an object with base (a VideoSpec) and change (a non-empty string).');
      const base = parseSpecObject(value['base'], 'edit.base');
      return { kind, base, change: nonEmptyString(value['change'], 'edit.change must be a non-empty string.') };
    }
    case 'code':
      return { kind, code: nonEmptyString(value, 'code must be a non-empty string.', false) };
  }
}

/**
 * Checks the outline of a spec. A `spec` input gets the full validation later (see admit-render),
 * which reports every problem with its JSON path, so only the edit base is size-checked here.
 */
function parseSpecObject(value: unknown, field: string): Record<string, unknown> {
  if (!isObject(value) || !Array.isArray(value['scenes']) || value['scenes'].length === 0) {
    throw invalid(`${field} must be a VideoSpec object with a non-empty scenes array.`);
  }
  if (field !== 'spec') checkSizeBounds(value['size'], field);
  return value;
}

/** An explicit `size` must lie in the validator's range per axis, before anything is queued. */
function checkSizeBounds(size: unknown, field: string): void {
  if (!isObject(size)) return;
  for (const axis of ['width', 'height'] as const) {
    const value = size[axis];
    if (typeof value === 'number' && !(Number.isInteger(value) && value >= MIN_AXIS_PX && value <= MAX_AXIS_PX)) {
      throw invalid(`${field}.size.${axis}: ${value} is out of range: expected an integer from ${MIN_AXIS_PX} to ${MAX_AXIS_PX}.`);
    }
  }
}

function parseProvider(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw invalid('provider must be a string.');
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function parseOptions(value: unknown): JobRenderOptions {
  const options: JobRenderOptions = { format: 'mp4', aspect: null, quality: null, poster: null };
  if (value === undefined || value === null) return options;
  if (!isObject(value)) throw invalid('options must be an object.');
  checkOptionKeys(value);

  const format = value['format'];
  if (format === 'imageSequence') throw invalid('options.format imageSequence is not available over HTTP because it writes many files; use mp4, gif or transparent.');
  if (format !== undefined && format !== null) options.format = oneOf(format, HTTP_FORMATS, 'options.format');
  if (value['aspect'] !== undefined && value['aspect'] !== null) options.aspect = oneOf<Aspect>(value['aspect'], ASPECTS, 'options.aspect');
  if (value['quality'] !== undefined && value['quality'] !== null) options.quality = oneOf<Quality>(value['quality'], QUALITIES, 'options.quality');
  if (value['poster'] !== undefined && value['poster'] !== null) {
    options.poster = nonEmptyString(value['poster'], 'options.poster must be a non-empty time string such as "1.5s", "30f" or "500ms".');
  }
  return options;
}

/** Rejects keys that are not render options, so a typo such as `fromat` does not silently render mp4. */
function checkOptionKeys(options: Record<string, unknown>): void {
  const unknown = Object.keys(options).filter((key) => !(OPTION_KEYS as readonly string[]).includes(key));
  if (unknown.length === 0) return;

  const described = unknown.map((key) => {
    const suggestion = closest(key, [...OPTION_KEYS]);
    const near = distance(key, suggestion) <= Math.max(2, Math.floor(key.length / 3));
    return near ? `options.${key} (did you mean options.${suggestion}?)` : `options.${key}`;
  });
  throw invalid(`Unknown render option${unknown.length === 1 ? '' : 's'} ${described.join(', ')}; the options are ${OPTION_KEYS.join(', ')}.`);
}

function parseVisibility(value: unknown): Visibility | null {
  if (value === undefined || value === null) return null;
  if (value === 'public' || value === 'private') return value;
  throw invalid('visibility must be "public" or "private"');
}

function parseTtl(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  const ms = typeof value === 'string' ? parseDurationMs(value.trim()) : null;
  if (ms === null || ms <= 0) throw invalid('ttl must be a positive duration string: an integer with a unit ms, s, m, h or d, such as "48h".');
  return ms;
}

function parseWebhook(value: unknown): WebhookTarget | null {
  if (value === undefined || value === null) return null;
  const message = 'webhook must be an object {"url": "<http or https URL>", "secret": "<optional string>"}.';
  if (!isObject(value) || typeof value['url'] !== 'string' || !URL.canParse(value['url'])) throw invalid(message);
  const url = new URL(value['url']);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid(message);
  const secret = value['secret'];
  if (secret !== undefined && secret !== null && typeof secret !== 'string') throw invalid(message);
  return { url: url.href, secret: typeof secret === 'string' && secret !== '' ? secret : null };
}

function oneOf<T extends string>(value: unknown, choices: readonly T[], field: string): T {
  const match = choices.find((choice) => choice === value);
  if (match === undefined) throw invalid(`${field} must be one of ${choices.join(', ')}.`);
  return match;
}

function nonEmptyString(value: unknown, message: string, trim = true): string {
  if (typeof value !== 'string') throw invalid(message);
  const text = trim ? value.trim() : value;
  if (text.trim() === '') throw invalid(message);
  return text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(message: string): FluvieError {
  return new FluvieError('invalid_request', message);
}
