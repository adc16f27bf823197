import { describe, expect, it } from 'vitest';
import type { JobRecord } from '../../../src/server/jobs/job-record.js';
import { diffJobEvents, INITIAL_STREAM_STATE } from '../../../src/server/routes/events-diff.js';

function job(overrides: Partial<JobRecord>): JobRecord {
  return {
    id: 'rnd_test', kind: 'spec', status: 'queued', visibility: 'public', createdAtMs: 0, expiresAtMs: 1, startedAtMs: null, finishedAtMs: null,
    progress: null, videoKey: null, posterKey: null, code: null, spec: null, error: null, input: { kind: 'key', key: 'intro' },
    options: { format: 'mp4', aspect: null, quality: null, poster: null }, idempotencyKey: null, requestHash: null, webhook: null,
    ...overrides,
  };
}

describe('diffJobEvents', () => {
  it('sends the status of a new stream', () => {
    const { events, state } = diffJobEvents(INITIAL_STREAM_STATE, job({ status: 'queued' }));
    expect(events).toEqual([{ type: 'status', status: 'queued' }]);
    expect(state.ended).toBe(false);
  });

  it('sends nothing for an unchanged job', () => {
    const first = diffJobEvents(INITIAL_STREAM_STATE, job({ status: 'running', progress: { completed: 2, total: 9 } }));
    const second = diffJobEvents(first.state, job({ status: 'running', progress: { completed: 2, total: 9 } }));
    expect(second.events).toEqual([]);
  });

  it('sends changed progress only', () => {
    const first = diffJobEvents(INITIAL_STREAM_STATE, job({ status: 'running', progress: { completed: 2, total: 9 } }));
    const second = diffJobEvents(first.state, job({ status: 'running', progress: { completed: 3, total: 9 } }));
    expect(second.events).toEqual([{ type: 'progress', progress: { completed: 3, total: 9 } }]);
  });

  it('orders progress, authored, terminal', () => {
    const { events, state } = diffJobEvents(
      INITIAL_STREAM_STATE,
      job({ kind: 'prompt', status: 'succeeded', progress: { completed: 9, total: 9 }, code: 'dart', spec: { scenes: [] } }),
    );
    expect(events).toEqual([
      { type: 'progress', progress: { completed: 9, total: 9 } },
      { type: 'authored', code: 'dart', spec: { scenes: [] } },
      { type: 'terminal', status: 'succeeded' },
    ]);
    expect(state.ended).toBe(true);
  });

  it('sends authored once', () => {
    const first = diffJobEvents(INITIAL_STREAM_STATE, job({ status: 'running', spec: { scenes: [] } }));
    expect(first.events.map((event) => event.type)).toEqual(['status', 'authored']);
    const second = diffJobEvents(first.state, job({ status: 'running', code: 'dart', spec: { scenes: [] } }));
    expect(second.events).toEqual([]);
  });

  it('sends nothing after the terminal event', () => {
    const first = diffJobEvents(INITIAL_STREAM_STATE, job({ status: 'canceled' }));
    expect(first.events).toEqual([{ type: 'terminal', status: 'canceled' }]);
    expect(diffJobEvents(first.state, job({ status: 'failed' })).events).toEqual([]);
  });
});
