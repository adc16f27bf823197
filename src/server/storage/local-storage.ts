/**
 * Local-disk {@link Storage}: each object is the file `<root>/<key>` plus a sidecar
 * `<root>/<key>.meta.json` holding `{contentType, visibility, expiresAtMs}`. Writes copy to a unique
 * temporary name and rename, so readers never see a partial file. Names starting with a dot under the
 * root (such as `.jobs` and `.work`) belong to the server and are never listed.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, constants, copyFile, lstat, readFile, readdir, realpath, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FluvieError } from '../../core/errors.js';
import { createFolders } from '../../core/fs/create-folders.js';
import type { ByteRange, ObjectBody, ObjectMetadata, Storage, StoredObject } from './storage.js';
import { assertStorageKey } from './storage-key.js';

const META_SUFFIX = '.meta.json';

export class LocalStorage implements Storage {
  readonly backend = 'local';
  readonly #root: string;
  #realRoot: Promise<string> | null = null;

  constructor(root: string) {
    this.#root = path.resolve(root);
  }

  async putFile(key: string, sourcePath: string, metadata: ObjectMetadata): Promise<StoredObject> {
    const target = this.#pathOf(key);
    await createFolders(path.dirname(target));
    await this.#assertInsideRoot(path.dirname(target));

    const suffix = `.${randomBytes(6).toString('hex')}.tmp`;
    const dataTemp = `${target}${suffix}`;
    const metaTemp = `${target}${META_SUFFIX}${suffix}`;
    try {
      await copyFile(sourcePath, dataTemp);
      await writeFile(metaTemp, JSON.stringify(metadata));
      // The sidecar goes first: an object without its data file does not exist for readers.
      await rename(metaTemp, `${target}${META_SUFFIX}`);
      await rename(dataTemp, target);
    } finally {
      await rm(dataTemp, { force: true });
      await rm(metaTemp, { force: true });
    }
    const stored = await this.stat(key);
    if (stored === null) throw new FluvieError('output_failed', `Stored ${key} in ${this.#root}, but it vanished right after the write.`);
    return stored;
  }

  async stat(key: string): Promise<StoredObject | null> {
    const target = this.#pathOf(key);
    // lstat does not follow a final symbolic link, so a linked file is not a regular file here.
    const info = await lstat(target).catch(() => null);
    if (info === null || !info.isFile()) return null;
    await this.#assertInsideRoot(path.dirname(target));

    const metadata = await this.#readMetadata(target);
    return { key, bytes: info.size, createdAtMs: Math.trunc(info.mtimeMs), ...metadata };
  }

  async openRead(key: string, range: ByteRange | null): Promise<ObjectBody | null> {
    const object = await this.stat(key);
    if (object === null) return null;
    const options = range === null ? {} : { start: range.start, end: range.end };
    return { object, stream: createReadStream(this.#pathOf(key), options), range };
  }

  async delete(key: string): Promise<boolean> {
    const target = this.#pathOf(key);
    const existed = (await lstat(target).catch(() => null)) !== null;
    await rm(target, { force: true });
    await rm(`${target}${META_SUFFIX}`, { force: true });
    // Drop the job folder once its last object is gone; a non-empty folder stays.
    const parent = path.dirname(target);
    if (parent !== this.#root) await rmdir(parent).catch(() => undefined);
    return existed;
  }

  async deleteMany(keys: readonly string[]): Promise<void> {
    for (const key of keys) await this.delete(key);
  }

  async *list(prefix = ''): AsyncIterable<StoredObject> {
    for await (const key of this.#walk('')) {
      if (!key.startsWith(prefix)) continue;
      const object = await this.stat(key);
      if (object !== null) yield object;
    }
  }

  async downloadRedirect(): Promise<string | null> {
    return null;
  }

  async checkReady(): Promise<void> {
    await createFolders(this.#root);
    await access(this.#root, constants.R_OK | constants.W_OK);
  }

  async *#walk(relative: string): AsyncIterable<string> {
    const entries = await readdir(path.join(this.#root, relative), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const key = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) yield* this.#walk(key);
      else if (entry.isFile() && !entry.name.endsWith(META_SUFFIX) && !entry.name.endsWith('.tmp')) yield key;
    }
  }

  #pathOf(key: string): string {
    assertStorageKey(key);
    const target = path.resolve(this.#root, key);
    if (!target.startsWith(this.#root + path.sep)) throw new FluvieError('invalid_request', `Storage key ${JSON.stringify(key)} resolves outside the storage root.`);
    return target;
  }

  /** Rejects a folder that reaches outside the root through a symbolic link. */
  async #assertInsideRoot(folder: string): Promise<void> {
    this.#realRoot ??= realpath(this.#root).catch((error: unknown) => {
      this.#realRoot = null;
      throw error;
    });
    const [realRoot, realFolder] = await Promise.all([this.#realRoot, realpath(folder)]);
    if (realFolder !== realRoot && !realFolder.startsWith(realRoot + path.sep)) {
      throw new FluvieError('invalid_request', `Storage path ${folder} leads outside the storage root ${this.#root} through a symbolic link.`);
    }
  }

  async #readMetadata(target: string): Promise<ObjectMetadata> {
    const text = await readFile(`${target}${META_SUFFIX}`, 'utf8').catch(() => null);
    const fallback: ObjectMetadata = { contentType: 'application/octet-stream', visibility: 'private', expiresAtMs: null };
    if (text === null) return fallback;
    try {
      const parsed = JSON.parse(text) as Partial<ObjectMetadata>;
      return {
        contentType: typeof parsed.contentType === 'string' ? parsed.contentType : fallback.contentType,
        visibility: parsed.visibility === 'public' ? 'public' : 'private',
        expiresAtMs: typeof parsed.expiresAtMs === 'number' ? parsed.expiresAtMs : null,
      };
    } catch {
      return fallback;
    }
  }
}
