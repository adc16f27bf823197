import { describe, expect, it } from 'vitest';
import type { JobRecord } from '../../../src/server/jobs/job-record.js';
import { advanceStreamState, diffJobEvents, encodeStreamState, INITIAL_STREAM_STATE, parseStreamState } from '../../../src/server/routes/events-diff.js';

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

describe('stream state ids', () => {
  it('round-trip every state a stream passes through', () => {
    const { events } = diffJobEvents(
      INITIAL_STREAM_STATE,
      job({ kind: 'prompt', status: 'succeeded', progress: { completed: 9, total: 9 }, code: 'dart', spec: { scenes: [] } }),
    );
    let state = INITIAL_STREAM_STATE;
    const ids: string[] = [];
    for (const event of events) {
      state = advanceStreamState(state, event);
      ids.push(encodeStreamState(state));
      expect(parseStreamState(encodeStreamState(state))).toEqual(state);
    }
    expect(ids).toEqual(['-:9/9:n', '-:9/9:a', 'succeeded:9/9:a']);
    expect(state.ended).toBe(true);
  });

  it('resume without repeating what the client saw', () => {
    const resumed = parseStreamState('running:3/9:a');
    expect(resumed).toEqual({ status: 'running', progress: { completed: 3, total: 9 }, authored: true, ended: false });
    const { events } = diffJobEvents(resumed, job({ status: 'running', progress: { completed: 5, total: 9 }, code: 'dart', spec: {} }));
    expect(events).toEqual([{ type: 'progress', progress: { completed: 5, total: 9 } }]);
  });

  it('start over for ids that are absent or not ours', () => {
    for (const id of [undefined, '', '42', 'paused:1/2:n', 'running:1/2:x', 'running:1/2:n:extra']) {
      expect(parseStreamState(id)).toEqual(INITIAL_STREAM_STATE);
    }
  });
});
