import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverProject, listSearchCandidates } from '../../../../src/core/engines/flutter/project-discovery.js';
import { FluvieError } from '../../../../src/core/errors.js';
import { makeProject } from './fake-flutter-setup.js';

const work = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'discovery-test-')));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function discoveryError(options: Parameters<typeof discoverProject>[0]): Promise<FluvieError> {
  try {
    await discoverProject(options);
  } catch (error: unknown) {
    if (error instanceof FluvieError) return error;
    throw error;
  }
  throw new Error('expected discovery to fail');
}

describe('discoverProject', () => {
  const project = makeProject(path.join(work, 'app'));
  const harness = path.join(project, 'test/render/capture_harness_test.dart');

  it('uses --project first, even when RENDER_PROJECT is set', async () => {
    const other = makeProject(path.join(work, 'other'));
    const found = await discoverProject({ projectDir: 'app', env: { RENDER_PROJECT: other }, cwd: work });
    expect(found).toEqual({ projectDir: project, harnessPath: harness, source: 'flag' });
  });

  it('uses RENDER_PROJECT next', async () => {
    expect(await discoverProject({ projectDir: null, env: { RENDER_PROJECT: project }, cwd: '/' })).toEqual({ projectDir: project, harnessPath: harness, source: 'env' });
  });

  it('walks up from a nested working folder', async () => {
    const nested = path.join(project, 'lib/src/widgets');
    mkdirSync(nested, { recursive: true });
    expect(await discoverProject({ projectDir: null, env: {}, cwd: nested })).toEqual({ projectDir: project, harnessPath: harness, source: 'search' });
  });

  it('finds the harness of an example/ project', async () => {
    const pkg = path.join(work, 'package');
    makeProject(path.join(pkg, 'example'));
    const found = await discoverProject({ projectDir: null, env: {}, cwd: pkg });
    expect(found.projectDir).toBe(path.join(pkg, 'example'));
    expect(found.source).toBe('search');
  });

  it('prefers the folder itself over its example/', async () => {
    const both = makeProject(path.join(work, 'both'));
    makeProject(path.join(both, 'example'));
    expect((await discoverProject({ projectDir: null, env: {}, cwd: both })).projectDir).toBe(both);
  });

  it('names the searched folders and the fix when nothing is found', async () => {
    const empty = path.join(work, 'empty/deeper');
    mkdirSync(empty, { recursive: true });
    const error = await discoveryError({ projectDir: null, env: {}, cwd: empty });
    expect(error.code).toBe('file_not_found');
    expect(error.message).toContain(empty);
    expect(error.message).toContain(path.join(empty, 'example'));
    expect(error.message).toContain('fluvie-render init');
    expect(error.message).toContain('--project');
  });

  it('rejects an explicit project without a harness', async () => {
    const error = await discoveryError({ projectDir: path.join(work, 'empty'), env: {}, cwd: work });
    expect(error.message).toContain(path.join(work, 'empty/test/render/capture_harness_test.dart'));
    expect(error.message).toContain('fluvie-render init --project');
  });
});

describe('listSearchCandidates', () => {
  it('checks each folder and its example/ up to the root', () => {
    expect(listSearchCandidates('/a/b').map(([dir]) => dir)).toEqual(['/a/b', '/a/b/example', '/a', '/a/example', '/', '/example']);
  });
});
