import { describe, expect, it } from 'vitest';
import { detectCpuCount, parseCgroupCpuMax } from '../../src/config/cpu-count.js';

function sources(cpus: number, files: Record<string, string>) {
  return { availableParallelism: () => cpus, readText: (path: string) => files[path] ?? null };
}

describe('detectCpuCount', () => {
  it('parses cgroup v2 cpu.max', () => {
    expect(parseCgroupCpuMax('200000 100000\n')).toBe(2);
    expect(parseCgroupCpuMax('max 100000')).toBeNull();
    expect(parseCgroupCpuMax('50000 100000')).toBe(0.5);
  });

  it('caps the CPU count by the quota', () => {
    expect(detectCpuCount(sources(64, { '/sys/fs/cgroup/cpu.max': '200000 100000' }))).toBe(2);
    expect(detectCpuCount(sources(4, { '/sys/fs/cgroup/cpu.max': '50000 100000' }))).toBe(1);
    expect(detectCpuCount(sources(2, { '/sys/fs/cgroup/cpu.max': '800000 100000' }))).toBe(2);
  });

  it('reads cgroup v1 files', () => {
    const files = { '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '300000', '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000' };
    expect(detectCpuCount(sources(8, files))).toBe(3);
    expect(detectCpuCount(sources(8, { ...files, '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': '-1' }))).toBe(8);
  });

  it('uses all CPUs without a quota', () => {
    expect(detectCpuCount(sources(6, {}))).toBe(6);
  });
});
