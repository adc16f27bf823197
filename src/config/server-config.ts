/**
 * The server configuration: every environment variable `fluvie-render serve` reads, parsed and
 * validated once into a fully defaulted {@link ServerConfig}. This module and its siblings in
 * `src/config/` are the only readers of environment variables; callers pass the env record in.
 */
import path from 'node:path';
import { z } from 'zod';
import { FluvieError } from '../core/errors.js';
import { envBoolean, envChoice, envDuration, envHttpUrl, envInteger, envList, envText, envTextOr } from './env-fields.js';
import { readEnvValue } from './env-values.js';
import { validateS3Config } from '../server/storage/s3-config.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export type { AiConfig, ConfigProblem, QueueConfig, S3Config, ServerConfig } from './server-config-types.js';
import type { ConfigProblem, S3Config, ServerConfig } from './server-config-types.js';

export interface LoadServerConfigOptions {
  /** CPUs the process may use (see cpu-count.ts); the default render concurrency. */
  cpuCount: number;
  /**
   * Require API_TOKEN and CLEANUP_TOKEN when the API is on (default true). The local `cleanup`
   * command turns this off because it only touches storage.
   */
  requireTokens?: boolean;
}

function buildEnvSchema(cpuCount: number) {
  return z.object({
    FLUVIE_ENABLE_API: envBoolean(true),
    FLUVIE_ENABLE_MCP: envBoolean(true),
    FLUVIE_ENABLE_DOCS: envBoolean(true),
    FLUVIE_MCP_MODE: envChoice(['docs', 'build'], null),
    FLUVIE_MCP_TOKEN: envText(),
    FLUVIE_DOCS_DIR: envText(),
    FLUVIE_API_URL: envHttpUrl(),
    FLUVIE_API_TOKEN: envText(),
    HOST: envTextOr('0.0.0.0'),
    PORT: envInteger(0, 65_535),
    PUBLIC_BASE_URL: envHttpUrl(),
    API_TOKEN: envText(),
    CLEANUP_TOKEN: envText(),
    DOWNLOAD_SIGNING_KEY: envText(),
    STORAGE_BACKEND: envChoice(['local', 's3'], 'local'),
    LOCAL_STORAGE_DIR: envTextOr('/data/renders'),
    S3_ENDPOINT: envText(),
    S3_REGION: envTextOr('us-east-1'),
    S3_BUCKET: envText(),
    S3_ACCESS_KEY: envText(),
    S3_SECRET_KEY: envText(),
    S3_USE_SSL: envBoolean(true),
    S3_PATH_STYLE: envBoolean(false),
    S3_PUBLIC_BASE: envHttpUrl(),
    PUBLIC_BY_DEFAULT: envBoolean(false),
    FILE_TTL: envDuration(24 * HOUR_MS, { minMs: 1 }),
    DOWNLOAD_URL_TTL: envDuration(15 * MINUTE_MS, { minMs: 1 }),
    CLEANUP_INTERVAL: envDuration(HOUR_MS, { allowBareZero: true }),
    JOB_TOMBSTONE_TTL: envDuration(7 * 24 * HOUR_MS, { allowBareZero: true }),
    RENDER_CONCURRENCY: envInteger(1, 1024).transform((value) => value ?? cpuCount),
    RENDER_TIMEOUT: envDuration(15 * MINUTE_MS, { minMs: 1 }),
    RENDER_NICENESS: envInteger(0, 19).transform((value) => value ?? 10),
    RENDER_PROJECT: envText(),
    FFMPEG_PATH: envText(),
    CORS_ALLOW_ORIGINS: envList(),
    FLUVIE_AI_PROVIDER: envTextOr('claude'),
    FLUVIE_AI_MODEL: envText(),
    ANTHROPIC_API_KEY: envText(),
    GEMINI_API_KEY: envText(),
    MISTRAL_API_KEY: envText(),
    FLUVIE_AI_RATE_LIMIT: envInteger(0).transform((value) => value ?? 5),
    FLUVIE_AI_RATE_WINDOW: envDuration(MINUTE_MS, { minMs: 1 }),
    FLUVIE_AI_DAILY_QUOTA: envInteger(0).transform((value) => value ?? 50),
    VIDEO_SPEC_SCHEMA_PATH: envText(),
    MAX_BODY_BYTES: envInteger(1).transform((value) => value ?? 1_048_576),
    TRUST_PROXY: envBoolean(false),
    WEBHOOK_URL: envHttpUrl(),
    WEBHOOK_SECRET: envText(),
    WEBHOOK_ALLOW_PRIVATE: envBoolean(false),
    ALLOW_NETWORK_MEDIA: envBoolean(false),
    MEDIA_DIR: envText(),
    METRICS_TOKEN: envText(),
    SHUTDOWN_GRACE: envDuration(30_000),
    QUEUE_BACKEND: envChoice(['memory', 'redis'], 'memory'),
    REDIS_URL: envText(),
    RENDER_ATTEMPTS: envInteger(1, 100).transform((value) => value ?? 3),
    REDIS_PREFIX: envTextOr('fluvie'),
    WORKER_LOCK_DURATION: envDuration(30_000, { minMs: 500 }),
    WORKER_STALLED_INTERVAL: envDuration(30_000, { minMs: 500 }),
    CHUNK_FRAMES: envInteger(0, 1_000_000),
  });
}

type ParsedEnv = z.output<ReturnType<typeof buildEnvSchema>>;

/** Names of every environment variable the server configuration reads. */
export function serverEnvVariableNames(): string[] {
  return Object.keys(buildEnvSchema(1).shape);
}

/**
 * Parses `env` into a {@link ServerConfig}.
 * @throws FluvieError `config_invalid` whose `details` is a {@link ConfigProblem} list naming every
 *   bad or missing variable at once.
 */
export function loadServerConfig(env: Readonly<Record<string, string | undefined>>, options: LoadServerConfigOptions): ServerConfig {
  const result = buildEnvSchema(Math.max(1, Math.floor(options.cpuCount))).safeParse(env);
  const requireTokens = options.requireTokens ?? true;
  const problems: ConfigProblem[] = result.success
    ? checkCombinations(result.data, requireTokens)
    : result.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? 'environment'), message: issue.message }));
  if (!result.success && requireTokens) problems.push(...checkRequired(env));
  if (problems.length > 0 || !result.success) throw configError(dedupe(problems));

  return toServerConfig(result.data);
}

/** Formats the problems of a `config_invalid` error as one line per variable. */
export function formatConfigProblems(problems: readonly ConfigProblem[]): string {
  return problems.map((problem) => `  ${problem.variable}: ${problem.message}`).join('\n');
}

function checkCombinations(parsed: ParsedEnv, requireTokens: boolean): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (!parsed.FLUVIE_ENABLE_API && !parsed.FLUVIE_ENABLE_MCP && !parsed.FLUVIE_ENABLE_DOCS) {
    problems.push({ variable: 'FLUVIE_ENABLE_API', message: 'at least one of FLUVIE_ENABLE_API, FLUVIE_ENABLE_MCP and FLUVIE_ENABLE_DOCS must be true' });
  }
  if (parsed.FLUVIE_MCP_MODE === 'build' && !parsed.FLUVIE_ENABLE_API && parsed.FLUVIE_API_URL === null) {
    problems.push({ variable: 'FLUVIE_MCP_MODE', message: 'build mode needs the render API (FLUVIE_ENABLE_API=true) or a remote one (FLUVIE_API_URL)' });
  }
  if (parsed.FLUVIE_ENABLE_API && requireTokens) {
    if (parsed.API_TOKEN === null) problems.push(missing('API_TOKEN', 'the bearer token clients send to render'));
    if (parsed.CLEANUP_TOKEN === null) problems.push(missing('CLEANUP_TOKEN', 'the bearer token of POST /v1/maintenance/cleanup'));
  }
  problems.push(...checkQueueSettings(parsed));
  if (parsed.STORAGE_BACKEND === 's3') {
    if (parsed.S3_BUCKET === null) problems.push(missing('S3_BUCKET', 'needed when STORAGE_BACKEND=s3'));
    // Also reports a missing S3_ENDPOINT. The keys are optional because without them the standard
    // AWS credential sources apply, but they must be set together.
    problems.push(...validateS3Config(toS3Config(parsed)));
  }
  return problems;
}

/** Required-variable checks on the raw env, so they are reported alongside parse errors. */
function checkRequired(env: Readonly<Record<string, string | undefined>>): ConfigProblem[] {
  const apiOff = readEnvValue(env['FLUVIE_ENABLE_API'])?.toLowerCase() === 'false';
  const problems: ConfigProblem[] = [];
  if (!apiOff && readEnvValue(env['API_TOKEN']) === undefined) problems.push(missing('API_TOKEN', 'the bearer token clients send to render'));
  if (!apiOff && readEnvValue(env['CLEANUP_TOKEN']) === undefined) problems.push(missing('CLEANUP_TOKEN', 'the bearer token of POST /v1/maintenance/cleanup'));
  return problems;
}

function missing(variable: string, purpose: string): ConfigProblem {
  return { variable, message: `is required (${purpose}) but not set` };
}

function dedupe(problems: readonly ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.variable}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function configError(problems: ConfigProblem[]): FluvieError {
  const message = `Invalid server configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${formatConfigProblems(problems)}`;
  return new FluvieError('config_invalid', message, { details: problems });
}

function toServerConfig(parsed: ParsedEnv): ServerConfig {
  const port = parsed.PORT ?? 8080;
  return {
    host: parsed.HOST,
    port,
    publicBaseUrl: parsed.PUBLIC_BASE_URL,
    enableApi: parsed.FLUVIE_ENABLE_API,
    enableMcp: parsed.FLUVIE_ENABLE_MCP,
    enableDocs: parsed.FLUVIE_ENABLE_DOCS,
    mcpMode: parsed.FLUVIE_MCP_MODE ?? (parsed.FLUVIE_ENABLE_API || parsed.FLUVIE_API_URL !== null ? 'build' : 'docs'),
    mcpToken: parsed.FLUVIE_MCP_TOKEN,
    docsDir: parsed.FLUVIE_DOCS_DIR,
    remoteApiUrl: parsed.FLUVIE_API_URL,
    remoteApiToken: parsed.FLUVIE_API_TOKEN,
    apiToken: parsed.API_TOKEN,
    cleanupToken: parsed.CLEANUP_TOKEN,
    downloadSigningKey: parsed.DOWNLOAD_SIGNING_KEY,
    storageBackend: parsed.STORAGE_BACKEND,
    localStorageDir: parsed.LOCAL_STORAGE_DIR,
    s3: parsed.STORAGE_BACKEND === 's3' ? toS3Config(parsed) : null,
    publicByDefault: parsed.PUBLIC_BY_DEFAULT,
    fileTtlMs: parsed.FILE_TTL,
    downloadUrlTtlMs: parsed.DOWNLOAD_URL_TTL,
    cleanupIntervalMs: parsed.CLEANUP_INTERVAL,
    tombstoneTtlMs: parsed.JOB_TOMBSTONE_TTL,
    renderConcurrency: parsed.RENDER_CONCURRENCY,
    renderTimeoutMs: parsed.RENDER_TIMEOUT,
    renderNiceness: parsed.RENDER_NICENESS,
    renderProject: parsed.RENDER_PROJECT,
    ffmpegPath: parsed.FFMPEG_PATH,
    corsAllowOrigins: parsed.CORS_ALLOW_ORIGINS,
    ai: {
      provider: parsed.FLUVIE_AI_PROVIDER,
      model: parsed.FLUVIE_AI_MODEL,
      anthropicApiKey: parsed.ANTHROPIC_API_KEY,
      geminiApiKey: parsed.GEMINI_API_KEY,
      mistralApiKey: parsed.MISTRAL_API_KEY,
      rateLimit: parsed.FLUVIE_AI_RATE_LIMIT,
      rateWindowMs: parsed.FLUVIE_AI_RATE_WINDOW,
      dailyQuota: parsed.FLUVIE_AI_DAILY_QUOTA,
    },
    videoSpecSchemaPath: parsed.VIDEO_SPEC_SCHEMA_PATH,
    maxBodyBytes: parsed.MAX_BODY_BYTES,
    trustProxy: parsed.TRUST_PROXY,
    webhookUrl: parsed.WEBHOOK_URL,
    webhookSecret: parsed.WEBHOOK_SECRET,
    webhookAllowPrivate: parsed.WEBHOOK_ALLOW_PRIVATE,
    allowNetworkMedia: parsed.ALLOW_NETWORK_MEDIA,
    mediaDir: parsed.MEDIA_DIR === null ? null : path.resolve(parsed.MEDIA_DIR),
    metricsToken: parsed.METRICS_TOKEN,
    shutdownGraceMs: parsed.SHUTDOWN_GRACE,
    queue: {
      queueBackend: parsed.QUEUE_BACKEND,
      redisUrl: parsed.REDIS_URL,
      attempts: parsed.RENDER_ATTEMPTS,
      prefix: parsed.REDIS_PREFIX,
      lockDurationMs: parsed.WORKER_LOCK_DURATION,
      stalledIntervalMs: parsed.WORKER_STALLED_INTERVAL,
      chunkFrames: parsed.CHUNK_FRAMES,
    },
  };
}

function checkQueueSettings(parsed: ParsedEnv): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (parsed.QUEUE_BACKEND === 'redis' && parsed.REDIS_URL === null) problems.push(missing('REDIS_URL', 'needed when QUEUE_BACKEND=redis, such as redis://127.0.0.1:6379'));
  if (parsed.REDIS_URL !== null && !/^rediss?:\/\/[^/]/.test(parsed.REDIS_URL)) {
    // The value may carry a password, so it is not repeated.
    problems.push({ variable: 'REDIS_URL', message: 'must start with redis:// or rediss:// followed by a host' });
  }
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(parsed.REDIS_PREFIX)) {
    problems.push({ variable: 'REDIS_PREFIX', message: `may use letters, digits, _ and - (1 to 64 characters), got "${parsed.REDIS_PREFIX}"` });
  }
  return problems;
}

function toS3Config(parsed: ParsedEnv): S3Config {
  return {
    endpoint: parsed.S3_ENDPOINT ?? '',
    region: parsed.S3_REGION,
    bucket: parsed.S3_BUCKET ?? '',
    accessKey: parsed.S3_ACCESS_KEY ?? '',
    secretKey: parsed.S3_SECRET_KEY ?? '',
    useSsl: parsed.S3_USE_SSL,
    pathStyle: parsed.S3_PATH_STYLE,
    publicBase: parsed.S3_PUBLIC_BASE,
  };
}
