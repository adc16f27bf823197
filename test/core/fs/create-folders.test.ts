/**
 * createFolders on a real file system, including procfs, where Node's recursive mkdir never settles.
 */
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFolders } from '../../../src/core/fs/create-folders.js';
import { runCliCapture } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/media.js';

const linux = process.platform === 'linux';

describe('createFolders', () => {
  it('creates nested levels', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'a', 'b', 'c');
    await createFolders(target);
    expect(statSync(target).isDirectory()).toBe(true);
  });

  it('accepts an existing folder', async () => {
    const dir = await tempDir();
    await createFolders(dir);
    expect(existsSync(dir)).toBe(true);
  });

  it('rejects a file in the path', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'file');
    await writeFile(file, 'x');
    await expect(createFolders(path.join(file, 'sub'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    await expect(createFolders(file)).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it.runIf(linux)('fails on procfs instead of looping', { timeout: 10_000 }, async () => {
    await expect(createFolders('/proc/nope/x')).rejects.toThrow(/\/proc\/nope/);
  });
});

describe.runIf(linux)('procfs paths through the CLI', () => {
  const spec = path.resolve(import.meta.dirname, '../../../../shared/reference/specs/positioned.fluvie.json');

  it('render --out under /proc exits 1', { timeout: 30_000 }, async () => {
    const run = await runCliCapture(['render', '--spec', spec, '--frames', '2', '--out', '/proc/nope/x.mp4']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('/proc/nope');
  });

  it('serve with storage under /proc exits 78', { timeout: 30_000 }, async () => {
    const run = await runCliCapture(['serve', '--port', '0', '--host', '127.0.0.1'], {
      env: { API_TOKEN: 'a', CLEANUP_TOKEN: 'c', LOCAL_STORAGE_DIR: '/proc/forbidden', CI: 'true' },
    });
    expect(run.code).toBe(78);
    expect(run.stderr).toContain('LOCAL_STORAGE_DIR=/proc/forbidden');
  });
});
