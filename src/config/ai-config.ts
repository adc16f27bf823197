/**
 * Resolves the AI provider settings from environment variables and an explicit provider choice
 * (the `--provider` flag or a request's `provider` field) into one complete {@link AiConfig}.
 */
import { FluvieError } from '../core/errors.js';
import { isProviderName, PROVIDER_NAMES, PROVIDERS, type ProviderName } from '../ai/ai-provider.js';
import { parseDurationMs, parseEnvInteger, readEnvValue } from './env-values.js';

export interface AiConfig {
  provider: ProviderName;
  model: string;
  /** API key, or null for providers that need none (Ollama). */
  apiKey: string | null;
  /** Base URL without a trailing slash, such as `https://api.anthropic.com`. */
  baseUrl: string;
  /** Timeout of one HTTP attempt in milliseconds. */
  timeoutMs: number;
  /** Retries after a 408, 429 or 5xx response or a network error. */
  maxRetries: number;
}

export interface AiConfigOptions {
  /** Provider named by a flag or request; wins over FLUVIE_AI_PROVIDER. */
  provider?: string | undefined;
}

/** Default per-attempt timeout: long replies of 8192 tokens can take minutes. */
export const DEFAULT_AI_TIMEOUT_MS = 300_000;
export const DEFAULT_AI_MAX_RETRIES = 3;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Builds the provider settings. Reads FLUVIE_AI_PROVIDER (default claude), FLUVIE_AI_MODEL, the
 * provider's key and base URL variables, FLUVIE_AI_TIMEOUT (`<integer><ms|s|m|h>`, default 5m) and
 * FLUVIE_AI_RETRIES (default 3).
 * @throws FluvieError `invalid_request` for an unknown explicit provider, `config_invalid` for an
 * unknown FLUVIE_AI_PROVIDER, a bad value, or a missing key (`details.variable` names it).
 */
export function resolveAiConfig(env: Env, options: AiConfigOptions = {}): AiConfig {
  const provider = resolveProvider(env, options.provider);
  const info = PROVIDERS[provider];
  const apiKey = info.keyVariable === null ? null : readEnvValue(env[info.keyVariable]) ?? null;
  if (info.keyVariable !== null && apiKey === null) {
    throw new FluvieError(
      'config_invalid',
      `No API key for the ${info.label} provider: set ${info.keyVariable}, or choose another provider with --provider or FLUVIE_AI_PROVIDER (${PROVIDER_NAMES.join(', ')}; ollama needs no key).`,
      { details: { provider, variable: info.keyVariable } },
    );
  }

  return {
    provider,
    model: readEnvValue(env.FLUVIE_AI_MODEL) ?? info.defaultModel,
    apiKey,
    baseUrl: normalizeBaseUrl(readEnvValue(env[info.baseUrlVariable]) ?? info.defaultBaseUrl, info.baseUrlVariable),
    timeoutMs: readTimeout(env),
    maxRetries: readRetries(env),
  };
}

function resolveProvider(env: Env, explicit: string | undefined): ProviderName {
  if (explicit !== undefined) {
    if (isProviderName(explicit)) return explicit;
    throw new FluvieError('invalid_request', `Unknown AI provider "${explicit}": use one of ${PROVIDER_NAMES.join(', ')}.`);
  }
  const fromEnv = readEnvValue(env.FLUVIE_AI_PROVIDER);
  if (fromEnv === undefined) return 'claude';
  if (isProviderName(fromEnv)) return fromEnv;
  throw new FluvieError('config_invalid', `Invalid FLUVIE_AI_PROVIDER "${fromEnv}": use one of ${PROVIDER_NAMES.join(', ')}.`, {
    details: { variable: 'FLUVIE_AI_PROVIDER' },
  });
}

/** Accepts `http(s)://host[:port][/path]`, and a bare `host:port` as OLLAMA_HOST allows. */
function normalizeBaseUrl(raw: string, variable: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new FluvieError('config_invalid', `Invalid ${variable} "${raw}": expected a URL such as http://127.0.0.1:8080.`, { details: { variable } });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FluvieError('config_invalid', `Invalid ${variable} "${raw}": only http and https URLs are supported.`, { details: { variable } });
  }
  return url.toString().replace(/\/+$/, '');
}

function readTimeout(env: Env): number {
  const raw = readEnvValue(env.FLUVIE_AI_TIMEOUT);
  if (raw === undefined) return DEFAULT_AI_TIMEOUT_MS;
  const ms = parseDurationMs(raw);
  if (ms === null || ms === 0) {
    throw new FluvieError('config_invalid', `Invalid FLUVIE_AI_TIMEOUT "${raw}": use a whole number with a unit, such as 90s or 5m.`, {
      details: { variable: 'FLUVIE_AI_TIMEOUT' },
    });
  }
  return ms;
}

function readRetries(env: Env): number {
  const raw = readEnvValue(env.FLUVIE_AI_RETRIES);
  if (raw === undefined) return DEFAULT_AI_MAX_RETRIES;
  const count = parseEnvInteger(raw);
  if (count === null || count > 10) {
    throw new FluvieError('config_invalid', `Invalid FLUVIE_AI_RETRIES "${raw}": use a whole number from 0 to 10.`, {
      details: { variable: 'FLUVIE_AI_RETRIES' },
    });
  }
  return count;
}
