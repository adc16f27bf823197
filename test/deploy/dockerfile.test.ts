/**
 * Static checks of the Dockerfile, because Docker cannot run on the test machines. The instructions
 * are parsed and checked against the repository: COPY sources exist, .dockerignore keeps them, and
 * every `--from` stage exists. They are also checked against the image requirements: tini, a
 * non-root user, the renders volume, the health check and the optional Flutter SDK.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serverEnvNames } from './server-env-names.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

interface Instruction {
  keyword: string;
  args: string;
}

/** Splits a Dockerfile into instructions, joining `\` continuations and dropping comments. */
function parseDockerfile(text: string): Instruction[] {
  const logical: string[] = [];
  let current = '';
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (current === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.startsWith('#')) continue;
    current += current === '' ? line : ` ${line}`;
    if (current.endsWith('\\')) {
      current = current.slice(0, -1).trimEnd();
      continue;
    }
    logical.push(current);
    current = '';
  }
  return logical.map((line) => {
    const space = line.search(/\s/);
    return { keyword: line.slice(0, space).toUpperCase(), args: line.slice(space + 1).trim() };
  });
}

/** Returns the .dockerignore patterns as regular expressions (negations are skipped). */
function dockerignorePatterns(): RegExp[] {
  return readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('!'))
    .map((pattern) => {
      const body = pattern.replace(/^\//, '').replace(/[.+^${}()|[\]]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]').replace(/\u0000/g, '.*');
      return new RegExp(`^${body}(/.*)?$`);
    });
}

const instructions = parseDockerfile(readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8'));
const stages = instructions.filter((instruction) => instruction.keyword === 'FROM').map((instruction) => /\bAS\s+(\S+)$/i.exec(instruction.args)?.[1] ?? null);
const lastStageStart = instructions.map((instruction) => instruction.keyword).lastIndexOf('FROM');
const runtime = instructions.slice(lastStageStart);

function copySources(instruction: Instruction): { from: string | null; sources: string[] } {
  const words = instruction.args.split(/\s+/);
  const from = words.find((word) => word.startsWith('--from='))?.slice('--from='.length) ?? null;
  const paths = words.filter((word) => !word.startsWith('--'));
  return { from, sources: paths.slice(0, -1) };
}

describe('Dockerfile', () => {
  it('has a build stage and a runtime stage', () => {
    expect(stages).toEqual(['build', 'runtime']);
    expect(instructions.find((instruction) => instruction.keyword === 'FROM')?.args).toMatch(/^node:\$\{NODE_VERSION\}-bookworm-slim AS build$/);
    expect(instructions.find((instruction) => instruction.keyword === 'ARG' && instruction.args.startsWith('NODE_VERSION='))?.args).toBe('NODE_VERSION=20');
  });

  it('copies only sources that exist and reach the build context', () => {
    const ignored = dockerignorePatterns();
    const copies = instructions.filter((instruction) => instruction.keyword === 'COPY' || instruction.keyword === 'ADD');
    expect(copies.length).toBeGreaterThan(5);
    for (const copy of copies) {
      const { from, sources } = copySources(copy);
      if (from !== null) {
        expect(stages, `COPY --from=${from} names a stage`).toContain(from);
        continue;
      }
      for (const source of sources) {
        expect(existsSync(path.join(repoRoot, source)), `COPY source ${source} exists`).toBe(true);
        expect(ignored.filter((pattern) => pattern.test(source)), `COPY source ${source} is not in .dockerignore`).toEqual([]);
      }
    }
  });

  it('builds with the package build script', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string> };
    expect(manifest.scripts['build']).toContain('tsconfig.build.json');
    expect(instructions.some((instruction) => instruction.keyword === 'RUN' && instruction.args.includes('npm run build'))).toBe(true);
    expect(manifest.bin['fluvie-render']).toBe('bin/fluvie-render.js');
    expect(readFileSync(path.join(repoRoot, 'bin/fluvie-render.js'), 'utf8')).toContain('../dist/cli/main.js');
  });

  it('installs ffmpeg, tini and fonts in the runtime', () => {
    const install = runtime.find((instruction) => instruction.keyword === 'RUN' && instruction.args.includes('apt-get install'))?.args ?? '';
    for (const pkg of ['ffmpeg', 'tini', 'fontconfig', 'fonts-dejavu-core', 'fonts-noto-core', 'fonts-noto-color-emoji']) {
      expect(install.split(/\s+/), `apt package ${pkg}`).toContain(pkg);
    }
  });

  it('runs under tini as a non-root user', () => {
    const entrypoint = JSON.parse(runtime.find((instruction) => instruction.keyword === 'ENTRYPOINT')?.args ?? '[]') as string[];
    expect(entrypoint.slice(0, 2)).toEqual(['/usr/bin/tini', '--']);
    expect(entrypoint).toContain('/app/bin/fluvie-render.js');
    expect(JSON.parse(runtime.find((instruction) => instruction.keyword === 'CMD')?.args ?? '[]')).toEqual(['serve']);
    const user = runtime.filter((instruction) => instruction.keyword === 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
  });

  it('declares the renders volume and the health check', () => {
    expect(runtime.find((instruction) => instruction.keyword === 'VOLUME')?.args).toBe('["/data/renders"]');
    const healthcheck = runtime.find((instruction) => instruction.keyword === 'HEALTHCHECK')?.args ?? '';
    expect(healthcheck).toContain('/v1/healthz');
    expect(runtime.find((instruction) => instruction.keyword === 'EXPOSE')?.args).toBe('8080');
  });

  it('adds the Flutter SDK only when FLUTTER_VERSION is set', () => {
    expect(runtime.some((instruction) => instruction.keyword === 'ARG' && instruction.args === 'FLUTTER_VERSION=""')).toBe(true);
    const flutterSteps = runtime.filter((instruction) => instruction.keyword === 'RUN' && instruction.args.includes('flutter'));
    expect(flutterSteps.length).toBeGreaterThan(0);
    for (const step of flutterSteps) expect(step.args.startsWith('if [ -n "$FLUTTER_VERSION" ]; then')).toBe(true);
  });

  it('sets only environment variables the server reads', () => {
    const read = new Set(serverEnvNames());
    const env = runtime.filter((instruction) => instruction.keyword === 'ENV').flatMap((instruction) => [...instruction.args.matchAll(/([A-Z][A-Z0-9_]*)=/g)].map((match) => match[1] ?? ''));
    const unknown = env.filter((name) => !read.has(name) && name !== 'NODE_ENV' && name !== 'PATH');
    expect(env).toContain('LOCAL_STORAGE_DIR');
    expect(unknown).toEqual([]);
  });
});
