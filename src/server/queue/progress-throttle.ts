/**
 * Coalesces frequent progress updates into at most one write per interval, always keeping the newest
 * value and writing the last one on `flush`.
 */

export interface ProgressThrottle<T> {
  /** Records `value`; it is written now or at the end of the current interval. */
  push(value: T): void;
  /** Writes the pending value, if any, and waits for every write to finish. */
  flush(): Promise<void>;
}

export function createProgressThrottle<T>(write: (value: T) => Promise<void>, intervalMs: number): ProgressThrottle<T> {
  let pending: { value: T } | null = null;
  let lastWriteAt = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | null = null;
  let chain: Promise<void> = Promise.resolve();

  const writePending = (): void => {
    timer = null;
    if (pending === null) return;
    const { value } = pending;
    pending = null;
    lastWriteAt = Date.now();
    chain = chain.then(() => write(value)).catch(() => undefined);
  };

  return {
    push(value) {
      pending = { value };
      if (timer !== null) return;
      const wait = lastWriteAt + intervalMs - Date.now();
      if (wait <= 0) writePending();
      else timer = setTimeout(writePending, wait);
    },
    async flush() {
      if (timer !== null) clearTimeout(timer);
      writePending();
      await chain;
    },
  };
}
