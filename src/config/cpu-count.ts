/**
 * Counts the CPUs this process may really use: `os.availableParallelism()` capped by the cgroup CPU
 * quota when one is readable, so a container limited to 2 CPUs on a 64-core host reports 2.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

export interface CpuCountSources {
  availableParallelism: () => number;
  /** Returns a file's text, or null when it cannot be read. */
  readText: (path: string) => string | null;
}

const CGROUP_V2_CPU_MAX = '/sys/fs/cgroup/cpu.max';
const CGROUP_V1_QUOTA = '/sys/fs/cgroup/cpu/cpu.cfs_quota_us';
const CGROUP_V1_PERIOD = '/sys/fs/cgroup/cpu/cpu.cfs_period_us';

/** Returns the usable CPU count (at least 1). */
export function detectCpuCount(sources: CpuCountSources = defaultSources()): number {
  const cpus = Math.max(1, sources.availableParallelism());
  const quota = readCgroupQuota(sources);
  return quota === null ? cpus : Math.max(1, Math.min(cpus, Math.ceil(quota)));
}

/** Parses cgroup v2 `cpu.max` (`"<quota> <period>"` or `"max <period>"`) to a CPU count, or null for no limit. */
export function parseCgroupCpuMax(text: string): number | null {
  const [quota, period] = text.trim().split(/\s+/);
  return quotaToCpus(quota, period);
}

function readCgroupQuota(sources: CpuCountSources): number | null {
  const v2 = sources.readText(CGROUP_V2_CPU_MAX);
  if (v2 !== null) return parseCgroupCpuMax(v2);
  const quota = sources.readText(CGROUP_V1_QUOTA);
  const period = sources.readText(CGROUP_V1_PERIOD);
  if (quota === null || period === null) return null;
  return quotaToCpus(quota.trim(), period.trim());
}

function quotaToCpus(quota: string | undefined, period: string | undefined): number | null {
  if (quota === undefined || period === undefined || quota === 'max') return null;
  const quotaUs = Number(quota);
  const periodUs = Number(period);
  // cgroup v1 writes -1 for "no limit".
  if (!Number.isFinite(quotaUs) || !Number.isFinite(periodUs) || quotaUs <= 0 || periodUs <= 0) return null;
  return quotaUs / periodUs;
}

function defaultSources(): CpuCountSources {
  return {
    availableParallelism,
    readText: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
  };
}
