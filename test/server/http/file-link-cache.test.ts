import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileLinkCache, invalidateOnDelete } from '../../../src/server/http/file-link-cache.js';
import { LocalStorage } from '../../../src/server/storage/local-storage.js';

const LINKS = { video: { downloadUrl: 'http://127.0.0.1/v1/files/rnd_a/video' }, poster: null };
const JOB = { id: 'rnd_a', videoKey: 'rnd_a/video.mp4', posterKey: null, expiresAtMs: 10_000 };
const dirs: string[] = [];

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('FileLinkCache', () => {
  it('returns links until the maximum age', () => {
    const cache = new FileLinkCache({ maxAgeMs: 100, maxEntries: 10 });
    cache.set(JOB, LINKS, 1_000);
    expect(cache.get(JOB, 1_099)).toBe(LINKS);
    expect(cache.get(JOB, 1_100)).toBeNull();
  });

  it('returns nothing once the job expired', () => {
    const cache = new FileLinkCache({ maxAgeMs: 100_000, maxEntries: 10 });
    cache.set(JOB, LINKS, 1_000);
    expect(cache.get(JOB, 9_999)).toBe(LINKS);
    expect(cache.get(JOB, 10_000)).toBeNull();
  });

  it('returns nothing when the keys changed', () => {
    const cache = new FileLinkCache({ maxAgeMs: 100, maxEntries: 10 });
    cache.set(JOB, LINKS, 1_000);
    expect(cache.get({ ...JOB, posterKey: 'rnd_a/poster.png' }, 1_000)).toBeNull();
    expect(cache.get(JOB, 1_000)).toBeNull();
  });

  it('drops the oldest entry beyond the limit', () => {
    const cache = new FileLinkCache({ maxAgeMs: 100, maxEntries: 2 });
    const jobs = ['rnd_a', 'rnd_b', 'rnd_c'].map((id) => ({ ...JOB, id, videoKey: `${id}/video.mp4` }));
    for (const job of jobs) cache.set(job, LINKS, 1_000);
    expect(cache.get(jobs[0]!, 1_000)).toBeNull();
    expect(cache.get(jobs[1]!, 1_000)).toBe(LINKS);
    expect(cache.get(jobs[2]!, 1_000)).toBe(LINKS);
  });

  it('forgets links of keys deleted through the wrapped storage', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fluvie-link-cache-'));
    dirs.push(dir);
    const cache = new FileLinkCache({ maxAgeMs: 100_000, maxEntries: 10 });
    const storage = invalidateOnDelete(new LocalStorage(dir), cache);
    const source = path.join(dir, 'source.mp4');
    await writeFile(source, 'video');
    await storage.putFile(JOB.videoKey, source, { contentType: 'video/mp4', visibility: 'private', expiresAtMs: JOB.expiresAtMs });
    const other = { ...JOB, id: 'rnd_b', videoKey: 'rnd_b/video.mp4' };

    cache.set(JOB, LINKS, 1_000);
    cache.set(other, LINKS, 1_000);
    expect(await storage.delete(JOB.videoKey)).toBe(true);
    expect(cache.get(JOB, 1_000)).toBeNull();
    expect(cache.get(other, 1_000)).toBe(LINKS);

    await storage.deleteMany([other.videoKey]);
    expect(cache.get(other, 1_000)).toBeNull();
  });
});
