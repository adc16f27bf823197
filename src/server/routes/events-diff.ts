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
