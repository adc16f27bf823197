/**
 * Static checks of deploy/docker-compose.yml, because Docker cannot run on the test machines: the
 * YAML is parsed (with the `<<` merge keys Compose supports) and its services, profiles, dependencies
 * and server environment are checked against the repository and the server configuration.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadServerConfig } from '../../src/config/server-config.js';
import { validateS3Config } from '../../src/server/storage/s3-config.js';
import { readEnvFile, serverEnvNames } from './server-env-names.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const deployDir = path.join(repoRoot, 'deploy');

interface DependsOn {
  condition: string;
}

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  profiles?: string[];
  environment?: Record<string, string>;
  env_file?: { path: string; required: boolean }[];
  depends_on?: Record<string, DependsOn>;
  volumes?: string[];
  ports?: string[];
  command?: string[] | string;
}

interface ComposeFile {
  name: string;
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
}

const compose = parse(readFileSync(path.join(deployDir, 'docker-compose.yml'), 'utf8'), { merge: true }) as ComposeFile;
const services = compose.services;

function service(name: string): Service {
  const found = services[name];
  if (found === undefined) throw new Error(`deploy/docker-compose.yml has no service "${name}"`);
  return found;
}

/** Resolves `${NAME:-default}` and `${NAME}` the way Compose does when NAME is unset. */
function interpolateDefaults(value: string): string {
  return value.replace(/\$\{([A-Z_][A-Z0-9_]*)(?::-([^}]*))?\}/g, (_, _name: string, fallback: string | undefined) => fallback ?? '');
}

function profilesOf(name: string): string[] {
  return service(name).profiles ?? [];
}

describe('deploy/docker-compose.yml', () => {
  it('defines the server variants and the profile services', () => {
    expect(Object.keys(services).sort()).toEqual(['minio', 'minio-init', 'redis', 'server', 'server-s3']);
    expect(profilesOf('server')).toEqual(['local']);
    expect(profilesOf('server-s3')).toEqual(['s3']);
    expect(profilesOf('minio')).toEqual(['s3']);
    expect(profilesOf('minio-init')).toEqual(['s3']);
    expect(profilesOf('redis')).toEqual(['redis']);
  });

  it('pins every third-party image', () => {
    for (const name of ['minio', 'minio-init', 'redis']) {
      expect(service(name).image, `image of ${name}`).toMatch(/^[a-z0-9/._-]+:[A-Za-z0-9._-]+$/);
      expect(service(name).image).not.toMatch(/:latest$/);
    }
  });

  it('builds both server variants from the repository Dockerfile', () => {
    for (const name of ['server', 'server-s3']) {
      const build = service(name).build;
      expect(build).toBeDefined();
      const context = path.resolve(deployDir, build!.context);
      expect(context).toBe(path.resolve(repoRoot));
      expect(existsSync(path.join(context, build!.dockerfile))).toBe(true);
      expect(build!.args).toHaveProperty('FLUTTER_VERSION');
      expect(service(name).env_file).toEqual([{ path: './server.env', required: true }]);
      expect(service(name).volumes).toEqual(['renders:/data/renders']);
      expect(service(name).ports?.[0]).toMatch(/:8080$/);
    }
  });

  it('starts dependencies in the same profile and in order', () => {
    for (const [name, definition] of Object.entries(services)) {
      for (const dependency of Object.keys(definition.depends_on ?? {})) {
        expect(services, `${name} depends on ${dependency}`).toHaveProperty(dependency);
        const shared = profilesOf(dependency).filter((profile) => profilesOf(name).includes(profile));
        expect(shared, `${name} and ${dependency} share a profile`).not.toEqual([]);
      }
    }
    expect(service('server-s3').depends_on).toEqual({ 'minio-init': { condition: 'service_completed_successfully' } });
    expect(service('minio-init').depends_on).toEqual({ minio: { condition: 'service_healthy' } });
  });

  it('declares every named volume', () => {
    for (const definition of Object.values(services)) {
      for (const volume of definition.volumes ?? []) {
        const source = volume.split(':')[0] ?? '';
        if (!source.startsWith('.') && !source.startsWith('/')) expect(compose.volumes, `volume ${source}`).toHaveProperty(source);
      }
    }
  });

  it('sets only variables the server reads', () => {
    const read = new Set(serverEnvNames());
    for (const name of ['server', 'server-s3']) {
      const unknown = Object.keys(service(name).environment ?? {}).filter((variable) => !read.has(variable));
      expect(unknown, `environment of ${name}`).toEqual([]);
    }
  });

  it('creates the bucket the s3 server uses', () => {
    const serverEnv = service('server-s3').environment ?? {};
    const initEnv = service('minio-init').environment ?? {};
    const minioEnv = service('minio').environment ?? {};
    expect(interpolateDefaults(serverEnv['S3_BUCKET'] ?? '')).toBe(interpolateDefaults(initEnv['MINIO_BUCKET'] ?? ''));
    expect(interpolateDefaults(serverEnv['S3_ACCESS_KEY'] ?? '')).toBe(interpolateDefaults(minioEnv['MINIO_ROOT_USER'] ?? ''));
    expect(interpolateDefaults(serverEnv['S3_SECRET_KEY'] ?? '')).toBe(interpolateDefaults(minioEnv['MINIO_ROOT_PASSWORD'] ?? ''));
    expect(serverEnv['S3_ENDPOINT']).toBe('minio:9000');
    const command = [service('minio-init').command].flat().join(' ');
    expect(command).toContain('mc mb --ignore-existing "local/$$MINIO_BUCKET"');
  });

  it.each([['server', 'local'], ['server-s3', 's3']])('gives %s a valid %s configuration', async (name, backend) => {
    const example = Object.fromEntries(await readEnvFile(path.join(repoRoot, 'templates', 'server.env.example')));
    const overrides = Object.fromEntries(Object.entries(service(name).environment ?? {}).map(([key, value]) => [key, interpolateDefaults(String(value))]));
    const config = loadServerConfig({ ...example, API_TOKEN: 'api-token', CLEANUP_TOKEN: 'cleanup-token', ...overrides }, { cpuCount: 2 });

    expect(config.storageBackend).toBe(backend);
    expect(config.localStorageDir).toBe('/data/renders');
    if (config.s3 !== null) expect(validateS3Config(config.s3)).toEqual([]);
  });
});
