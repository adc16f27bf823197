/**
 * Temp paths that a render has created and not yet removed. Cleanup normally happens in `finally`
 * blocks. A forced exit (a second Ctrl-C) skips them, so the CLI removes the paths listed here
 * synchronously before it exits.
 */
import { rmSync } from 'node:fs';

const tracked = new Set<string>();

export function trackTempPath(target: string): void {
  tracked.add(target);
}

export function untrackTempPath(target: string): void {
  tracked.delete(target);
}

/** Removes every tracked path now, best effort, and clears the list. */
export function removeTrackedTempPathsSync(): void {
  for (const target of tracked) {
    try {
      rmSync(target, { recursive: true, force: true });
    } catch {
      // Nothing more can be done during a forced exit.
    }
  }
  tracked.clear();
}
