import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalStorage } from '../../src/server/storage/local-storage.js';
import { describeStorageConformance } from './storage.js';

async function freshRoot(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'fluvie-local-storage-'));
}

describeStorageConformance('LocalStorage', async () => {
  const root = await freshRoot();
  return { storage: new LocalStorage(root), cleanup: () => rm(root, { recursive: true, force: true }) };
});

describe('LocalStorage on disk', () => {
  it('writes the sidecar and no temporary files', async () => {
    const root = await freshRoot();
    const source = path.join(root, 'source.bin');
    await writeFile(source, 'video');
    const storage = new LocalStorage(path.join(root, 'store'));
    await storage.putFile('rnd_a/video.mp4', source, { contentType: 'video/mp4', visibility: 'public', expiresAtMs: 5 });
    expect((await readdir(path.join(root, 'store', 'rnd_a'))).sort()).toEqual(['video.mp4', 'video.mp4.meta.json']);
  });

  it('refuses objects reached through symlinks', async () => {
    const root = await freshRoot();
    const outside = await freshRoot();
    await writeFile(path.join(outside, 'video.mp4'), 'secret');
    const store = path.join(root, 'store');
    await mkdir(store);
    await symlink(outside, path.join(store, 'rnd_link'));
    await symlink(path.join(outside, 'video.mp4'), path.join(store, 'rnd_file.mp4'));
    const storage = new LocalStorage(store);
    await expect(storage.stat('rnd_link/video.mp4')).rejects.toMatchObject({ code: 'invalid_request' });
    expect(await storage.stat('rnd_file.mp4')).toBeNull();
    const source = path.join(root, 'x');
    await writeFile(source, 'x');
    await expect(storage.putFile('rnd_link/poster.png', source, { contentType: 'image/png', visibility: 'private', expiresAtMs: null })).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('skips the server folders when listing', async () => {
    const root = await freshRoot();
    await mkdir(path.join(root, '.jobs'));
    await writeFile(path.join(root, '.jobs', 'rnd_a.json'), '{}');
    const storage = new LocalStorage(root);
    const keys: string[] = [];
    for await (const object of storage.list()) keys.push(object.key);
    expect(keys).toEqual([]);
  });
});
