/**
 * Opens the storage that `STORAGE_BACKEND` selects and checks it once at start-up, so a storage that
 * cannot be used stops the process with `config_invalid` (exit code 78) before any job runs.
 */
import type { ServerConfig } from '../../config/server-config.js';
import { FluvieError } from '../../core/errors.js';
import type { Clock } from '../clock.js';
import { LocalStorage } from './local-storage.js';
import { openS3Storage } from './s3-startup.js';
import type { Storage } from './storage.js';

export interface OpenedStorage {
  storage: Storage;
  /** Releases the storage's connections; call it once on shutdown. */
  close(): void;
}

/**
 * Opens the configured storage.
 * @throws FluvieError `config_invalid` when LOCAL_STORAGE_DIR cannot be written, or when the S3
 *   settings are invalid or the bucket cannot be used.
 */
export async function openConfiguredStorage(config: ServerConfig, options: { clock?: Clock } = {}): Promise<OpenedStorage> {
  if (config.storageBackend === 's3' && config.s3 !== null) {
    const storage = await openS3Storage(config.s3, options);
    return { storage, close: () => storage.close() };
  }

  const storage = new LocalStorage(config.localStorageDir);
  await storage.checkReady().catch((error: unknown) => {
    throw new FluvieError('config_invalid', `LOCAL_STORAGE_DIR=${config.localStorageDir} cannot be written: ${String(error)}. Create it or point LOCAL_STORAGE_DIR at a writable folder.`, { cause: error });
  });
  return { storage, close: () => undefined };
}
