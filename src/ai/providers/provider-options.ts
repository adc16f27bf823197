/** Inputs of every provider client: the resolved config plus optional test seams. */
import type { AiConfig } from '../../config/ai-config.js';
import type { PostJsonOptions } from '../http/post-json.js';

export interface ProviderOptions {
  config: AiConfig;
  /** Replaces the wait between retries; tests record delays instead of sleeping. */
  sleep?: PostJsonOptions['sleep'];
}

/** Reads `object[key]` when `object` is a plain object. */
export function field(object: unknown, key: string): unknown {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return undefined;
  return (object as Record<string, unknown>)[key];
}

/** Returns `value` when it is a non-empty string, else null. */
export function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
