import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../src/config/server-config.js';
import { createApp } from '../../src/server/app.js';
import { MemoryJobStore } from '../../src/server/jobs/memory-job-store.js';
import { createServerLogger, redactUrl } from '../../src/server/logger.js';
import { InProcessQueue } from '../../src/server/queue/in-process-queue.js';
import { LocalStorage } from '../../src/server/storage/local-storage.js';
import { minimalSpecTools } from './support/spec-tools.js';

describe('server logs', () => {
  it('redact token query parameters', () => {
    expect(redactUrl('/v1/files/rnd_a/video?token=abc.def%3D&x=1')).toBe('/v1/files/rnd_a/video?token=[redacted]&x=1');
  });

  it('write JSON request lines with a request id and no secrets', async () => {
    const destination = new PassThrough();
    let output = '';
    destination.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const config = loadServerConfig({ API_TOKEN: 'api-secret-value', CLEANUP_TOKEN: 'c' }, { cpuCount: 1 });
    const app = createApp({
      config,
      logger: createServerLogger({ destination }),
      jobs: new MemoryJobStore(),
      queue: new InProcessQueue({ processor: async () => undefined, concurrency: 1, timeoutMs: 1_000 }),
      storage: new LocalStorage('/tmp/fluvie-logger-test'),
      clock: { now: () => 0 },
      specTools: minimalSpecTools,
      checkFfmpeg: async () => undefined,
    });
    await app.request('/v1/files/rnd_a/video?token=signed-token-value', { headers: { authorization: 'Bearer api-secret-value' } });
    const line = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ msg: 'request', method: 'GET', status: 404, path: '/v1/files/rnd_a/video?token=[redacted]' });
    expect(typeof line['requestId']).toBe('string');
    expect(output).not.toContain('signed-token-value');
    expect(output).not.toContain('api-secret-value');
  });
});
