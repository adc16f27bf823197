import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../src/config/server-config.js';
import { readEnvFile, recordedServerEnvReads, serverEnvNames } from './server-env-names.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = path.join(repoRoot, 'templates', 'server.env.example');

describe('templates/server.env.example', () => {
  it('declares every variable the config reads', () => {
    const names = serverEnvNames();
    expect(names).toContain('API_TOKEN');
    expect(names).toContain('S3_ENDPOINT');
    const recorded = recordedServerEnvReads();
    expect(recorded.length).toBeGreaterThan(30);
    expect(recorded.filter((name) => !names.includes(name))).toEqual([]);
  });

  it('documents every variable the server reads', async () => {
    const documented = new Set((await readEnvFile(EXAMPLE)).keys());
    const undocumented = serverEnvNames().filter((name) => !documented.has(name));
    expect(undocumented, 'add these variables to templates/server.env.example').toEqual([]);
  });

  it('lists only variables the server reads', async () => {
    const read = new Set(serverEnvNames());
    const unknown = [...(await readEnvFile(EXAMPLE)).keys()].filter((name) => !read.has(name));
    expect(unknown, 'the server does not read these variables of templates/server.env.example').toEqual([]);
  });

  it('is a valid configuration once the tokens are set', async () => {
    const env = Object.fromEntries(await readEnvFile(EXAMPLE));
    const config = loadServerConfig({ ...env, API_TOKEN: 'api-token', CLEANUP_TOKEN: 'cleanup-token' }, { cpuCount: 2 });
    expect(config).toMatchObject({ storageBackend: 'local', localStorageDir: '/data/renders', port: 8080 });
  });
});
