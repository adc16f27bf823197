/**
 * Signals a whole process group. `flutter test` starts the Dart tester and compiler as child
 * processes, so stopping only the `flutter` process would leave them running. The capture process
 * is spawned detached, which makes it the leader of a new group whose id is its pid.
 *
 * NOTE: process groups are POSIX. On Windows `process.kill(-pid)` fails, so a capture there would
 * need a tree kill (taskkill /T); fluvie-render's flutter engine is tested on Linux only.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Sends `signal` to every process in group `groupId`; returns false when the group is gone. */
export function signalGroup(groupId: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-groupId, signal);
    return true;
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/**
 * Returns true while a live (not zombie) process is in the group. On Linux this reads `/proc`,
 * because an orphaned zombie stays in its group until some ancestor reaps it, and a container's
 * first process may never do that.
 */
export function isGroupAlive(groupId: number): boolean {
  if (process.platform !== 'linux') return signalGroup(groupId, 0);

  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return signalGroup(groupId, 0);
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after the parenthesised command name: state, ppid, pgrp, ...
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === groupId && fields[0] !== 'Z') return true;
  }
  return false;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stops every process of the group: SIGTERM, then SIGKILL after `graceMs`, then waits until no
 * member is left or `waitMs` passed. Returns true when the group is gone.
 */
export async function stopGroup(groupId: number, graceMs = 2_000, waitMs = 5_000): Promise<boolean> {
  if (!signalGroup(groupId, 'SIGTERM')) return true;

  const killAt = Date.now() + graceMs;
  const giveUpAt = killAt + waitMs;
  let killed = false;
  while (Date.now() < giveUpAt) {
    await sleep(25);
    if (!isGroupAlive(groupId)) return true;
    if (!killed && Date.now() >= killAt) {
      signalGroup(groupId, 'SIGKILL');
      killed = true;
    }
  }
  return !isGroupAlive(groupId);
}
