/**
 * Decides which server-sent events a job record calls for, given what the stream has already sent.
 * Pure: the route reads the record, calls {@link diffJobEvents}, writes the events and keeps the state.
 */
import { isTerminal, type JobProgress, type JobRecord, type JobStatus } from '../jobs/job-record.js';

export type TerminalStatus = Extract<JobStatus, 'succeeded' | 'failed' | 'canceled'>;

export type JobStreamEvent =
  /** The job moved between `queued` and `running`. */
  | { type: 'status'; status: Exclude<JobStatus, TerminalStatus> }
  | { type: 'progress'; progress: JobProgress }
  /** The AI-authored Dart code and VideoSpec of a prompt or edit render. */
  | { type: 'authored'; code: string | null; spec: unknown }
  /** The last event of a stream; its data is the job JSON, built by the route. */
  | { type: 'terminal'; status: TerminalStatus };

/** What a stream has sent so far. */
export interface StreamState {
  status: JobStatus | null;
  progress: JobProgress | null;
  authored: boolean;
  ended: boolean;
}

export const INITIAL_STREAM_STATE: StreamState = { status: null, progress: null, authored: false, ended: false };

/**
 * Returns the events that bring a client from `state` to `job`, in the order status, progress,
 * authored, terminal, and the state after sending them. A stream that has ended gets no more events.
 */
export function diffJobEvents(state: StreamState, job: JobRecord): { events: JobStreamEvent[]; state: StreamState } {
  if (state.ended) return { events: [], state };
  const events: JobStreamEvent[] = [];
  const next: StreamState = { ...state };

  if (!isTerminal(job.status) && job.status !== state.status) events.push({ type: 'status', status: job.status as Exclude<JobStatus, TerminalStatus> });
  next.status = job.status;

  if (job.progress !== null && !sameProgress(job.progress, state.progress)) {
    events.push({ type: 'progress', progress: { completed: job.progress.completed, total: job.progress.total } });
    next.progress = job.progress;
  }

  const hasAuthored = job.code !== null || (job.spec !== null && job.spec !== undefined);
  if (hasAuthored && !state.authored) {
    events.push({ type: 'authored', code: job.code, spec: job.spec ?? null });
    next.authored = true;
  }

  if (isTerminal(job.status)) {
    events.push({ type: 'terminal', status: job.status as TerminalStatus });
    next.ended = true;
  }
  return { events, state: next };
}

function sameProgress(a: JobProgress, b: JobProgress | null): boolean {
  return b !== null && a.completed === b.completed && a.total === b.total;
}

/** Returns the state after a client has received `event`, for the event's `id:` field. */
export function advanceStreamState(state: StreamState, event: JobStreamEvent): StreamState {
  switch (event.type) {
    case 'status':
      return { ...state, status: event.status };
    case 'progress':
      return { ...state, progress: event.progress };
    case 'authored':
      return { ...state, authored: true };
    case 'terminal':
      return { ...state, status: event.status, ended: true };
  }
}

const STATUS_NAMES: readonly JobStatus[] = ['queued', 'running', 'succeeded', 'failed', 'canceled'];
const STATE_ID = /^([a-z]+|-):(?:(\d{1,9})\/(\d{1,9})|-):([an])$/;

/**
 * Encodes what a client has seen once it has an event as that event's `id:`, such as
 * `running:3/9:n` (status, progress, `a` when the authored event was sent). A reconnecting EventSource sends it back
 * as `Last-Event-ID`, and {@link parseStreamState} restores the state from it.
 */
export function encodeStreamState(state: StreamState): string {
  const progress = state.progress === null ? '-' : `${state.progress.completed}/${state.progress.total}`;
  return `${state.status ?? '-'}:${progress}:${state.authored ? 'a' : 'n'}`;
}

/** Decodes a `Last-Event-ID` into a stream state, or returns the initial state when it is absent or not ours. */
export function parseStreamState(lastEventId: string | undefined): StreamState {
  const match = lastEventId === undefined ? null : STATE_ID.exec(lastEventId.trim());
  if (match === null) return INITIAL_STREAM_STATE;
  const [, statusName, completed, total, authored] = match;
  const status = STATUS_NAMES.find((name) => name === statusName) ?? null;
  if (statusName !== '-' && status === null) return INITIAL_STREAM_STATE;
  return {
    status,
    progress: completed === undefined || total === undefined ? null : { completed: Number(completed), total: Number(total) },
    authored: authored === 'a',
    ended: status !== null && isTerminal(status),
  };
}
