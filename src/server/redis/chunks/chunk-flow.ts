/**
 * The BullMQ flow of a chunked render: a parent join job with one child job per chunk, all on the
 * `chunks` queue. BullMQ runs the children in parallel on every worker of that queue, retries a
 * failed child alone (its own `attempts` and exponential backoff), and starts the join job only
 * when every child has completed. A child that used up its attempts fails the join job
 * (`failParentOnFailure`). This class adds flows, reads their state and removes them; the workers
 * that run the jobs are a {@link BullmqQueue} with `retryFailedRuns`.
 */
import { FlowProducer, Job, Queue as BullQueue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createCancelChannel, type CancelChannel } from '../cancel-channel.js';

/** Name of the BullMQ queue of chunk and join jobs. */
export const CHUNK_QUEUE_NAME = 'chunks';

export interface ChunkFlowSpec {
  /** Id of the parent join job. */
  joinId: string;
  /** Ids of the chunk jobs, in playback order. */
  chunkIds: readonly string[];
  /** Runs of each job, counting failed runs and runs lost with a stopped worker (at least 1). */
  attempts: number;
  /** Delay before the first retry of a failed run, in milliseconds. It doubles with each retry. */
  backoffMs: number;
}

export type ChunkFlowState =
  /** The join job waits for its chunks or runs, and `completedChunkIds` lists the chunks already done. */
  | { state: 'running'; completedChunkIds: string[] }
  | { state: 'completed' }
  /** `chunkId` is the chunk whose last failure failed the flow, or null when the join job itself failed. */
  | { state: 'failed'; chunkId: string | null; attemptsMade: number; reason: string }
  /** No join job with this id exists (never added, or removed). */
  | { state: 'missing' };

/** How long {@link ChunkFlows.remove} waits for running jobs of a canceled flow to stop, in milliseconds. */
const REMOVE_TIMEOUT_MS = 30_000;
const REMOVE_POLL_MS = 100;
/** How long BullMQ keeps a completed or failed job of a flow that was never removed, in seconds. */
const KEEP_FINISHED_SECONDS = 86_400;

export class ChunkFlows {
  readonly #prefix: string;
  readonly #queue: BullQueue;
  readonly #producer: FlowProducer;
  readonly #cancels: CancelChannel;

  /** Uses `client` for its commands. The caller owns and closes it. */
  constructor(client: Redis, prefix: string) {
    this.#prefix = prefix;
    this.#queue = new BullQueue(CHUNK_QUEUE_NAME, { connection: client, prefix });
    this.#producer = new FlowProducer({ connection: client, prefix });
    // The same channel the chunk queue's BullmqQueue subscribes to, so a request aborts a running chunk.
    this.#cancels = createCancelChannel(client, `${prefix}:${CHUNK_QUEUE_NAME}:`);
  }

  /**
   * Returns how many workers serve the chunk queue, from BullMQ's worker list (Redis `CLIENT LIST`).
   * Every `fluvie-render worker` process runs one. Returns 0 when Redis rejects `CLIENT LIST` or
   * `CLIENT SETNAME`, as some managed services do, so renders are then never chunked.
   */
  async workerCount(): Promise<number> {
    return this.#queue.getWorkersCount().catch(() => 0);
  }

  /** Adds the join job and its chunk jobs. A flow with the same join id that already exists is kept, unless it failed. */
  async add(flow: ChunkFlowSpec): Promise<void> {
    if ((await this.#queue.getJobState(flow.joinId)) === 'failed') await this.remove(flow);
    for (const id of [flow.joinId, ...flow.chunkIds]) await this.#cancels.clear(id);

    // Completed and failed jobs stay until remove(), which needs the join job's state and the failed
    // chunk's reason. BullMQ deletes them after a day in case the render that added them never ends.
    const retry = {
      attempts: flow.attempts,
      backoff: { type: 'exponential', delay: flow.backoffMs },
      removeOnComplete: { age: KEEP_FINISHED_SECONDS },
      removeOnFail: { age: KEEP_FINISHED_SECONDS },
    };
    await this.#producer.add({
      name: 'join',
      queueName: CHUNK_QUEUE_NAME,
      opts: { jobId: flow.joinId, ...retry },
      children: flow.chunkIds.map((chunkId) => ({
        name: 'chunk',
        queueName: CHUNK_QUEUE_NAME,
        opts: { jobId: chunkId, ...retry, failParentOnFailure: true },
      })),
    });
  }

  async state(flow: Pick<ChunkFlowSpec, 'joinId' | 'chunkIds'>): Promise<ChunkFlowState> {
    const join = await Job.fromId(this.#queue, flow.joinId);
    if (join === undefined) return { state: 'missing' };

    const state = await join.getState();
    if (state === 'completed') return { state: 'completed' };
    if (state === 'failed') return this.#failure(join, flow.chunkIds);

    // The processed children are a Redis hash read with HSCAN, so a large flow takes several pages.
    const done = new Set<string>();
    let cursor = 0;
    do {
      const page = await join.getDependencies({ processed: { cursor, count: 1_000 } });
      for (const key of Object.keys(page.processed ?? {})) done.add(key.slice(key.lastIndexOf(':') + 1));
      cursor = page.nextProcessedCursor ?? 0;
    } while (cursor !== 0);
    return { state: 'running', completedChunkIds: flow.chunkIds.filter((id) => done.has(id)) };
  }

  /**
   * Stops the flow's jobs: every running chunk or join job is aborted through the cancel channel,
   * and a job that starts later starts canceled. Then it removes the jobs as {@link remove} does.
   */
  async cancel(flow: Pick<ChunkFlowSpec, 'joinId' | 'chunkIds'>): Promise<void> {
    for (const id of [flow.joinId, ...flow.chunkIds]) await this.#cancels.request(id);
    await this.remove(flow);
  }

  /**
   * Removes the join job and its chunk jobs. BullMQ does not remove a job that a worker holds, so
   * the waiting jobs go first and the loop repeats until the running ones have stopped, for up to
   * 30 s. Removing the join job first would fail for as long as any chunk runs.
   */
  async remove(flow: Pick<ChunkFlowSpec, 'joinId' | 'chunkIds'>): Promise<void> {
    const ids = [...flow.chunkIds, flow.joinId];
    const deadline = Date.now() + REMOVE_TIMEOUT_MS;
    for (;;) {
      for (const id of ids) await this.#queue.remove(id, { removeChildren: true }).catch(() => 0);
      const states = await Promise.all(ids.map((id) => this.#queue.getJobState(id)));
      if (states.every((state) => state === 'unknown') || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, REMOVE_POLL_MS));
    }
  }

  async close(): Promise<void> {
    await this.#cancels.close();
    await this.#producer.close();
    await this.#queue.close();
  }

  async #failure(join: Job, chunkIds: readonly string[]): Promise<ChunkFlowState> {
    const reason = join.failedReason ?? 'unknown reason';
    // BullMQ fails the parent with "child <prefix>:<queue>:<id> failed" when a child used up its attempts.
    const childKey = /^child (\S+) failed$/.exec(reason)?.[1];
    const chunkId = childKey === undefined ? null : chunkIds.find((id) => childKey === `${this.#prefix}:${CHUNK_QUEUE_NAME}:${id}`) ?? null;
    if (chunkId === null) return { state: 'failed', chunkId: null, attemptsMade: join.attemptsMade, reason };

    const chunk = await Job.fromId(this.#queue, chunkId);
    return { state: 'failed', chunkId, attemptsMade: chunk?.attemptsMade ?? 0, reason: chunk?.failedReason ?? reason };
  }
}
