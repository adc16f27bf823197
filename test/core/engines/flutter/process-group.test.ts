import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isGroupAlive, stopGroup } from '../../../../src/core/engines/flutter/process-group.js';
import { isProcessAlive } from './fake-flutter-setup.js';

describe('stopGroup', () => {
  it('stops a detached leader and its children', async () => {
    // The leader starts a child that ignores SIGTERM, so stopping it needs the SIGKILL step.
    const script = "const { spawn } = require('node:child_process'); const c = spawn(process.execPath, ['-e', \"process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)\"], { stdio: 'ignore' }); console.log(c.pid); setInterval(() => {}, 1000);";
    const leader = spawn(process.execPath, ['-e', script], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
    const childPid = await new Promise<number>((resolve) => leader.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const groupId = leader.pid;
    if (groupId === undefined) throw new Error('the leader process did not start');
    expect(isGroupAlive(groupId)).toBe(true);

    expect(await stopGroup(groupId, 200, 5_000)).toBe(true);
    expect(isGroupAlive(groupId)).toBe(false);
    expect(isProcessAlive(childPid)).toBe(false);
  });

  it('returns true for a group that is already gone', async () => {
    expect(await stopGroup(2 ** 22 + 12_345)).toBe(true);
  });
});
