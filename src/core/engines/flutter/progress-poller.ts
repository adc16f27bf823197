/** Polls the harness progress file and reports each advance once (adapter over parseProgressText). */
import { readFile } from 'node:fs/promises';
import { parseProgressText, type CaptureProgress } from './progress-file.js';

/** Time between reads of the progress file, in milliseconds (the Fluvie server polls as often). */
export const PROGRESS_POLL_MS = 100;

export interface ProgressPoller {
  /** Reads the file one last time and stops polling. */
  stop(): Promise<void>;
}

/**
 * Starts polling `file`. `onProgress` runs only when `completed` grew, so torn reads that parse to
 * an older value are dropped as well as unparsable ones.
 */
export function startProgressPoller(file: string, onProgress: (progress: CaptureProgress) => void, intervalMs = PROGRESS_POLL_MS): ProgressPoller {
  let last = -1;
  let reading: Promise<void> = Promise.resolve();

  const readOnce = async (): Promise<void> => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return;
    }
    const progress = parseProgressText(text);
    if (progress === null || progress.completed <= last) return;
    last = progress.completed;
    onProgress(progress);
  };

  const timer = setInterval(() => {
    reading = reading.then(readOnce);
  }, intervalMs);

  return {
    async stop() {
      clearInterval(timer);
      reading = reading.then(readOnce);
      await reading;
    },
  };
}
