/**
 * Conformance suite of the `Storage` interface. Every implementation runs it through
 * `describeStorageConformance(name, factory)`; the factory returns a fresh, empty storage.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import type { ObjectMetadata, Storage } from '../../src/server/storage/storage.js';

export interface StorageFixture {
  storage: Storage;
  cleanup?: () => Promise<void>;
}

const META: ObjectMetadata = { contentType: 'video/mp4', visibility: 'private', expiresAtMs: 1_900_000_000_000 };

async function sourceFile(content: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fluvie-storage-src-'));
  const file = path.join(dir, 'source.bin');
  await writeFile(file, content);
  return file;
}

async function collect(iterable: AsyncIterable<{ key: string }>): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of iterable) keys.push(object.key);
  return keys.sort();
}

export function describeStorageConformance(name: string, create: () => Promise<StorageFixture>): void {
  describe(`Storage conformance: ${name}`, () => {
    const withStorage = (test: (storage: Storage) => Promise<void>) => async () => {
      const fixture = await create();
      try {
        await test(fixture.storage);
      } finally {
        await fixture.cleanup?.();
      }
    };

    it('stores and reads back a file', withStorage(async (storage) => {
      const stored = await storage.putFile('rnd_a/video.mp4', await sourceFile('0123456789'), META);
      expect(stored).toMatchObject({ key: 'rnd_a/video.mp4', bytes: 10, contentType: 'video/mp4', visibility: 'private', expiresAtMs: META.expiresAtMs });
      const body = await storage.openRead('rnd_a/video.mp4', null);
      expect(body).not.toBeNull();
      expect(await text(body!.stream)).toBe('0123456789');
    }));

    it('reads a byte range', withStorage(async (storage) => {
      await storage.putFile('rnd_a/video.mp4', await sourceFile('0123456789'), META);
      const body = await storage.openRead('rnd_a/video.mp4', { start: 2, end: 5 });
      expect(await text(body!.stream)).toBe('2345');
      expect(body!.range).toEqual({ start: 2, end: 5 });
    }));

    it('replaces an object', withStorage(async (storage) => {
      await storage.putFile('rnd_a/poster.png', await sourceFile('old'), { ...META, contentType: 'image/png' });
      await storage.putFile('rnd_a/poster.png', await sourceFile('newer'), { ...META, contentType: 'image/png', visibility: 'public' });
      const stat = await storage.stat('rnd_a/poster.png');
      expect(stat).toMatchObject({ bytes: 5, visibility: 'public', contentType: 'image/png' });
    }));

    it('returns null for missing objects', withStorage(async (storage) => {
      expect(await storage.stat('rnd_missing/video.mp4')).toBeNull();
      expect(await storage.openRead('rnd_missing/video.mp4', null)).toBeNull();
      expect(await storage.delete('rnd_missing/video.mp4')).toBe(false);
    }));

    it('deletes objects', withStorage(async (storage) => {
      await storage.putFile('rnd_a/video.mp4', await sourceFile('x'), META);
      expect(await storage.delete('rnd_a/video.mp4')).toBe(true);
      expect(await storage.stat('rnd_a/video.mp4')).toBeNull();
      expect(await collect(storage.list())).toEqual([]);
    }));

    it('deletes many objects at once', withStorage(async (storage) => {
      await storage.putFile('rnd_a/video.mp4', await sourceFile('a'), META);
      await storage.putFile('rnd_a/poster.png', await sourceFile('b'), META);
      await storage.putFile('rnd_b/video.mp4', await sourceFile('c'), META);
      await storage.deleteMany(['rnd_a/video.mp4', 'rnd_a/poster.png', 'rnd_missing/video.mp4']);
      expect(await storage.stat('rnd_a/video.mp4')).toBeNull();
      expect(await storage.stat('rnd_a/poster.png')).toBeNull();
      expect(await collect(storage.list())).toEqual(['rnd_b/video.mp4']);
      await storage.deleteMany([]);
      await expect(storage.deleteMany(['../escape'])).rejects.toMatchObject({ code: 'invalid_request' });
    }));

    it('lists objects by prefix', withStorage(async (storage) => {
      await storage.putFile('rnd_a/video.mp4', await sourceFile('a'), META);
      await storage.putFile('rnd_a/poster.png', await sourceFile('b'), META);
      await storage.putFile('rnd_b/video.gif', await sourceFile('c'), META);
      expect(await collect(storage.list())).toEqual(['rnd_a/poster.png', 'rnd_a/video.mp4', 'rnd_b/video.gif']);
      expect(await collect(storage.list('rnd_a/'))).toEqual(['rnd_a/poster.png', 'rnd_a/video.mp4']);
    }));

    it('keeps a null expiry', withStorage(async (storage) => {
      await storage.putFile('rnd_a/video.mp4', await sourceFile('a'), { ...META, expiresAtMs: null });
      expect((await storage.stat('rnd_a/video.mp4'))?.expiresAtMs).toBeNull();
    }));

    it.each([
      ['../escape.mp4'],
      ['rnd_a/../../escape.mp4'],
      ['%2e%2e/escape.mp4'],
      ['rnd_a/%2e%2e%2fescape'],
      ['/etc/passwd'],
      ['rnd_a/video\u0000.mp4'],
      ['rnd_a\\..\\escape'],
      ['.jobs/rnd_a.json'],
      [''],
      ['rnd_a//video.mp4'],
    ])('rejects the key %j', (key) => withStorage(async (storage) => {
      await expect(storage.putFile(key, await sourceFile('x'), META)).rejects.toMatchObject({ code: 'invalid_request' });
      await expect(storage.stat(key)).rejects.toMatchObject({ code: 'invalid_request' });
      await expect(storage.openRead(key, null)).rejects.toMatchObject({ code: 'invalid_request' });
      await expect(storage.delete(key)).rejects.toMatchObject({ code: 'invalid_request' });
    })());

    it('is ready when writable', withStorage(async (storage) => {
      await expect(storage.checkReady()).resolves.toBeUndefined();
    }));
  });
}
