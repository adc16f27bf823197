import { describe, expect, it } from 'vitest';
import { FluvieError } from '../../src/core/errors.js';
import { loadServerConfig, type ConfigProblem } from '../../src/config/server-config.js';

const BASE = { API_TOKEN: 'api-secret', CLEANUP_TOKEN: 'cleanup-secret' };

function load(env: Record<string, string | undefined>, cpuCount = 3) {
  return loadServerConfig(env, { cpuCount });
}

function problemsOf(env: Record<string, string | undefined>): ConfigProblem[] {
  try {
    load(env);
  } catch (error: unknown) {
    expect(error).toBeInstanceOf(FluvieError);
    const failure = error as FluvieError;
    expect(failure.code).toBe('config_invalid');
    return failure.details as ConfigProblem[];
  }
  throw new Error('expected a config error');
}

describe('loadServerConfig', () => {
  it('fills every default', () => {
    const config = load(BASE);
    expect(config.host).toBe('0.0.0.0');
    expect(config.port).toBe(8080);
    expect(config.publicBaseUrl).toBeNull();
    expect(config.storageBackend).toBe('local');
    expect(config.localStorageDir).toBe('/data/renders');
    expect(config.fileTtlMs).toBe(24 * 3_600_000);
    expect(config.downloadUrlTtlMs).toBe(15 * 60_000);
    expect(config.cleanupIntervalMs).toBe(3_600_000);
    expect(config.renderTimeoutMs).toBe(15 * 60_000);
    expect(config.renderConcurrency).toBe(3);
    expect(config.maxBodyBytes).toBe(1_048_576);
    expect(config.publicByDefault).toBe(false);
    expect(config.trustProxy).toBe(false);
    expect(config.corsAllowOrigins).toEqual([]);
    expect(config.ai).toMatchObject({ provider: 'claude', rateLimit: 5, rateWindowMs: 60_000, dailyQuota: 50, anthropicApiKey: null });
    expect(config.mcpMode).toBe('build');
    expect(config.s3).toBeNull();
  });

  it('trims values and treats blank as unset', () => {
    const config = load({ ...BASE, PORT: ' 9090 ', HOST: '   ', PUBLIC_BY_DEFAULT: ' TRUE ' });
    expect(config.port).toBe(9090);
    expect(config.host).toBe('0.0.0.0');
    expect(config.publicByDefault).toBe(true);
    expect(config.publicBaseUrl).toBeNull();
  });

  it('parses durations with every unit', () => {
    const config = load({ ...BASE, FILE_TTL: '48h', RENDER_TIMEOUT: '90s', FLUVIE_AI_RATE_WINDOW: '500ms', DOWNLOAD_URL_TTL: '2d', CLEANUP_INTERVAL: '5m' });
    expect(config.fileTtlMs).toBe(48 * 3_600_000);
    expect(config.renderTimeoutMs).toBe(90_000);
    expect(config.ai.rateWindowMs).toBe(500);
    expect(config.downloadUrlTtlMs).toBe(2 * 86_400_000);
    expect(config.cleanupIntervalMs).toBe(300_000);
  });

  it('accepts bare 0 only for CLEANUP_INTERVAL', () => {
    expect(load({ ...BASE, CLEANUP_INTERVAL: '0' }).cleanupIntervalMs).toBe(0);
    expect(load({ ...BASE, CLEANUP_INTERVAL: '0s' }).cleanupIntervalMs).toBe(0);
    expect(problemsOf({ ...BASE, FILE_TTL: '0' }).map((p) => p.variable)).toEqual(['FILE_TTL']);
  });

  it('lists every bad variable at once', () => {
    const problems = problemsOf({ PORT: 'eighty', S3_USE_SSL: 'yes', FILE_TTL: '1.5h', CORS_ALLOW_ORIGINS: 'a,b', RENDER_CONCURRENCY: '0' });
    const variables = problems.map((p) => p.variable).sort();
    expect(variables).toEqual(['API_TOKEN', 'CLEANUP_TOKEN', 'FILE_TTL', 'PORT', 'RENDER_CONCURRENCY', 'S3_USE_SSL']);
    const ssl = problems.find((p) => p.variable === 'S3_USE_SSL');
    expect(ssl?.message).toContain('"yes"');
  });

  it('puts every problem in the message', () => {
    try {
      load({ PORT: '-1' });
      expect.unreachable();
    } catch (error: unknown) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('API_TOKEN');
      expect(message).toContain('CLEANUP_TOKEN');
    }
  });

  it('rejects booleans other than true and false', () => {
    expect(problemsOf({ ...BASE, TRUST_PROXY: '1' }).map((p) => p.variable)).toEqual(['TRUST_PROXY']);
  });

  it('parses the S3 variables and requires them for s3', () => {
    const problems = problemsOf({ ...BASE, STORAGE_BACKEND: 's3', S3_BUCKET: 'renders' });
    expect(problems.map((p) => p.variable).sort()).toEqual(['S3_ENDPOINT']);
    expect(problemsOf({ ...BASE, STORAGE_BACKEND: 's3', S3_ENDPOINT: 'minio:9000' }).map((p) => p.variable)).toEqual(['S3_BUCKET']);
    // Without keys the standard AWS credential sources apply, but the keys go together.
    expect(load({ ...BASE, STORAGE_BACKEND: 's3', S3_ENDPOINT: 'minio:9000', S3_BUCKET: 'renders' }).s3).toMatchObject({ accessKey: '', secretKey: '' });
    expect(problemsOf({ ...BASE, STORAGE_BACKEND: 's3', S3_ENDPOINT: 'minio:9000', S3_BUCKET: 'renders', S3_ACCESS_KEY: 'k' }).map((p) => p.variable)).toEqual(['S3_SECRET_KEY']);

    const config = load({ ...BASE, STORAGE_BACKEND: 's3', S3_ENDPOINT: 'minio:9000', S3_BUCKET: 'renders', S3_ACCESS_KEY: 'k', S3_SECRET_KEY: 's', S3_PATH_STYLE: 'true' });
    expect(config.s3).toEqual({ endpoint: 'minio:9000', region: 'us-east-1', bucket: 'renders', accessKey: 'k', secretKey: 's', useSsl: true, pathStyle: true, publicBase: null });
  });

  it('does not need tokens when the API is off', () => {
    const config = load({ FLUVIE_ENABLE_API: 'false', FLUVIE_MCP_MODE: 'docs' });
    expect(config.enableApi).toBe(false);
    expect(config.apiToken).toBeNull();
    expect(load({ FLUVIE_ENABLE_API: 'false' }).mcpMode).toBe('docs');
  });

  it('requires one enabled surface', () => {
    const problems = problemsOf({ ...BASE, FLUVIE_ENABLE_API: 'false', FLUVIE_ENABLE_MCP: 'false', FLUVIE_ENABLE_DOCS: 'false' });
    expect(problems.map((p) => p.variable)).toEqual(['FLUVIE_ENABLE_API']);
  });

  it('splits CORS origins and validates URLs', () => {
    expect(load({ ...BASE, CORS_ALLOW_ORIGINS: ' https://a.example , ,https://b.example' }).corsAllowOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(problemsOf({ ...BASE, PUBLIC_BASE_URL: 'ftp://x', WEBHOOK_URL: 'not a url' }).map((p) => p.variable).sort()).toEqual(['PUBLIC_BASE_URL', 'WEBHOOK_URL']);
  });

  it('reads our additions', () => {
    const config = load({ ...BASE, MAX_BODY_BYTES: '2048', RENDER_CONCURRENCY: '2', METRICS_TOKEN: 'm', WEBHOOK_ALLOW_PRIVATE: 'true', SHUTDOWN_GRACE: '5s' });
    expect(config.maxBodyBytes).toBe(2048);
    expect(config.renderConcurrency).toBe(2);
    expect(config.metricsToken).toBe('m');
    expect(config.webhookAllowPrivate).toBe(true);
    expect(config.shutdownGraceMs).toBe(5000);
  });

  it('reads ALLOW_NETWORK_MEDIA', () => {
    expect(load({ ...BASE }).allowNetworkMedia).toBe(false);
    expect(load({ ...BASE, ALLOW_NETWORK_MEDIA: 'true' }).allowNetworkMedia).toBe(true);
    expect(problemsOf({ ...BASE, ALLOW_NETWORK_MEDIA: 'yes' }).map((p) => p.variable)).toEqual(['ALLOW_NETWORK_MEDIA']);
  });
});

describe('loadServerConfig without token checks', () => {
  it('accepts a missing API_TOKEN and CLEANUP_TOKEN', () => {
    const config = loadServerConfig({ LOCAL_STORAGE_DIR: '/srv/renders' }, { cpuCount: 1, requireTokens: false });
    expect(config.localStorageDir).toBe('/srv/renders');
    expect(config.apiToken).toBeNull();
  });

  it('still reports bad values', () => {
    expect(() => loadServerConfig({ FILE_TTL: 'soon' }, { cpuCount: 1, requireTokens: false })).toThrow(/FILE_TTL/);
  });
});
