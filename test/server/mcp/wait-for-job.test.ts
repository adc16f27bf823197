import { describe, expect, it } from 'vitest';
import { FluvieError } from '../../../src/core/errors.js';
import type { JobJson } from '../../../src/server/jobs/job-view.js';
import type { RenderGateway } from '../../../src/server/mcp/render-gateway.js';
import { DEFAULT_WAIT_TIMEOUT_MS, waitForJob } from '../../../src/server/mcp/wait-for-job.js';

const TIMES = { createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-02T00:00:00.000Z' };

/** A gateway that returns the given states in order, then repeats the last one. */
function scriptedGateway(states: Array<Partial<JobJson>>): RenderGateway & { polls: number } {
  const gateway = {
    label: 'scripted',
    pollIntervalMs: 0,
    polls: 0,
    submit: async () => ({ id: 'rnd_1', status: 'queued' as const, ...TIMES }),
    async get(id: string): Promise<JobJson> {
      const state = states[Math.min(gateway.polls, states.length - 1)];
      gateway.polls += 1;
      return { id, status: 'running', ...TIMES, ...state } as JobJson;
    },
  };
  return gateway;
}

const FIRST: JobJson = { id: 'rnd_1', status: 'queued', ...TIMES };

describe('waitForJob', () => {
  it('waits 10 minutes by default', () => {
    expect(DEFAULT_WAIT_TIMEOUT_MS).toBe(600_000);
  });

  it('returns the succeeded job and reports every state', async () => {
    const gateway = scriptedGateway([{ progress: { completed: 5, total: 10 } }, { status: 'succeeded', video: { downloadUrl: 'http://h/v' } }]);
    const seen: string[] = [];
    const job = await waitForJob(gateway, FIRST, { timeoutMs: 1000, signal: new AbortController().signal, onUpdate: async (update) => void seen.push(update.status) });
    expect(job.video?.downloadUrl).toBe('http://h/v');
    expect(seen).toEqual(['queued', 'running', 'succeeded']);
  });

  it('throws the job error of a failed render', async () => {
    const gateway = scriptedGateway([{ status: 'failed', error: 'ffmpeg exited with code 1' }]);
    const failure = await waitForJob(gateway, FIRST, { timeoutMs: 1000, signal: new AbortController().signal, onUpdate: async () => undefined }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FluvieError);
    expect((failure as FluvieError).message).toBe('Render rnd_1 failed: ffmpeg exited with code 1');
  });

  it('throws canceled for a canceled job', async () => {
    const gateway = scriptedGateway([{ status: 'canceled', error: 'Render canceled' }]);
    await expect(waitForJob(gateway, FIRST, { timeoutMs: 1000, signal: new AbortController().signal, onUpdate: async () => undefined })).rejects.toMatchObject({ code: 'canceled' });
  });

  it('gives up at the limit and names get_render', async () => {
    const gateway = scriptedGateway([{ status: 'running' }]);
    let clock = 0;
    const failure = await waitForJob(gateway, FIRST, {
      timeoutMs: DEFAULT_WAIT_TIMEOUT_MS,
      signal: new AbortController().signal,
      now: () => clock,
      onUpdate: async () => void (clock += 60_000),
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'timeout' });
    expect((failure as Error).message).toBe('Render rnd_1 is still running after 10 min. It keeps running: call get_render with {"id": "rnd_1"} to follow it.');
    expect(gateway.polls).toBe(9);
  });

  it('stops when the call is aborted', async () => {
    const gateway = { ...scriptedGateway([{ status: 'running' }]), pollIntervalMs: 60_000 };
    const controller = new AbortController();
    const waiting = waitForJob(gateway, FIRST, { timeoutMs: DEFAULT_WAIT_TIMEOUT_MS, signal: controller.signal, onUpdate: async () => undefined });
    controller.abort(new FluvieError('canceled', 'client canceled'));
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});
