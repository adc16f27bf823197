// CPU time of this process plus its finished child processes, for benchmark rows that must hold
// up on a loaded machine: wall time depends on what else runs, CPU time mostly does not.
import { readFileSync } from 'node:fs';

// USER_HZ: Linux reports cutime and cstime in these ticks, which are 100 per second on x86 and arm.
const TICKS_PER_SECOND = 100;

/**
 * Returns the CPU seconds (user + system) used so far by this process and by every child it has
 * waited for, including their own waited-for children. Linux only, because it reads /proc.
 */
export function cpuSecondsWithChildren() {
  const usage = process.cpuUsage();
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the parenthesised command name start at field 3 (state), and cutime and cstime
  // are fields 16 and 17 (proc(5)).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const childTicks = Number(fields[13]) + Number(fields[14]);
  return (usage.user + usage.system) / 1e6 + childTicks / TICKS_PER_SECOND;
}

/** Runs `action` and returns its wall and CPU seconds (CPU includes child processes). */
export async function measure(action) {
  const cpuBefore = cpuSecondsWithChildren();
  const started = performance.now();
  await action();
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSecondsWithChildren() - cpuBefore };
}

/** Returns the median of a non-empty list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
