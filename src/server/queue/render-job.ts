/**
 * The queue's job processor: marks the job running, authors the spec of prompt and edit jobs,
 * renders it into a private work folder with the injected render function, moves the files into
 * storage, and records the terminal state. The work folder is removed in every case.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { FluvieError, toFluvieError } from '../../core/errors.js';
import { createFolders } from '../../core/fs/create-folders.js';
import type { RenderDeps, RenderRequest, RenderResult } from '../../core/pipeline/render-request.js';
import type { Clock } from '../clock.js';
import type { JobInput, JobProgress, JobRecord } from '../jobs/job-record.js';
import type { JobStore } from '../jobs/job-store.js';
import { CONTENT_TYPES, FORMAT_EXTENSIONS } from '../jobs/job-view.js';
import type { Logger } from '../logger.js';
import { assertMediaAllowed } from '../requests/media-policy.js';
import type { Storage } from '../storage/storage.js';
import { authorJobSpec, isAuthoredInput } from './author-job.js';
import { createProgressThrottle } from './progress-throttle.js';
import type { JobProcessor } from './queue.js';

/** The render core's entry point (`runRender`), injected so tests can substitute a controllable fake. */
export type RenderFunction = (request: RenderRequest, deps: RenderDeps) => Promise<RenderResult>;

export interface RenderJobDeps {
  jobs: JobStore;
  storage: Storage;
  render: RenderFunction;
  clock: Clock;
  logger: Logger;
  /** Parent of the per-job work folders `<workRoot>/<id>`. */
  workRoot: string;
  /** Environment handed to the render core (ffmpeg and Flutter resolution) and to AI authoring (provider keys, base URLs, FLUVIE_AI_MODEL). */
  renderEnv: Readonly<Record<string, string | undefined>>;
  ffmpegPath: string | null;
  renderProject: string | null;
  /** Let renders download `network` media sources (ALLOW_NETWORK_MEDIA). */
  allowNetworkMedia?: boolean;
  /**
   * Folder that relative media sources of specs resolve against (MEDIA_DIR). Null or absent means
   * requests may not read local media: specs resolve against the job's work folder, and an authored
   * spec that names local media fails.
   */
  mediaDir?: string | null;
  /** Minimum time between progress writes in milliseconds (default 250, so at most 4 per second). */
  progressIntervalMs?: number;
  /** Called once with the terminal record of every job this processor finishes. */
  onFinished?: (job: JobRecord) => void;
}

/** Quality used when a request names none; the same default as the `render` command. */
const DEFAULT_QUALITY = 'high';

export function createRenderJobProcessor(deps: RenderJobDeps): JobProcessor {
  return async function processRenderJob(jobId, signal) {
    const job = await deps.jobs.update(jobId, (current) =>
      current.status === 'queued' ? { ...current, status: 'running', startedAtMs: deps.clock.now() } : null,
    );
    if (job === null || job.status !== 'running') return;

    const log = deps.logger.child({ jobId });
    const workdir = path.join(deps.workRoot, jobId);
    const progress = createProgressThrottle<JobProgress>(
      async (value) => void (await deps.jobs.update(jobId, (current) => (current.status === 'running' ? { ...current, progress: value } : null))),
      deps.progressIntervalMs ?? 250,
    );
    log.info({ kind: job.kind, format: job.options.format }, 'render started');

    let finished: JobRecord | null;
    try {
      await rm(workdir, { recursive: true, force: true });
      await createFolders(workdir);
      const mediaBase = deps.mediaDir ?? workdir;
      let request = buildRenderRequest(job, workdir, mediaBase, deps);
      if (isAuthoredInput(job.input)) {
        const spec = await authorJobSpec({ job, input: job.input, request, workdir, mediaBase }, signal, { jobs: deps.jobs, env: deps.renderEnv, log });
        // The model wrote this spec, not the client, so it obeys the same media rule as a posted spec.
        assertMediaAllowed(spec, deps.mediaDir ?? null, '');
        request = { ...request, source: { kind: 'spec', value: spec, baseDir: mediaBase } };
      }
      const result = await deps.render(request, {
        env: deps.renderEnv,
        cwd: workdir,
        signal,
        emit: (event) => {
          if (event.type === 'progress' && event.stage !== 'poster') progress.push({ completed: event.completed, total: event.total });
        },
      });
      await progress.flush();
      finished = await storeResult(job, result, deps);
      log.info({ bytes: result.bytes, frames: result.frames, engine: result.engine }, 'render succeeded');
    } catch (error: unknown) {
      await progress.flush();
      finished = await recordFailure(job, error, signal, deps, log);
    } finally {
      await rm(workdir, { recursive: true, force: true }).catch((error: unknown) => log.warn({ err: error, workdir }, 'could not remove the work folder'));
    }
    if (finished !== null) deps.onFinished?.(finished);
  };
}

function buildRenderRequest(job: JobRecord, workdir: string, mediaBase: string, deps: RenderJobDeps): RenderRequest {
  return { ...renderSettings(job, workdir, deps), source: renderSource(job.input, mediaBase) };
}

/** Returns the source to render; prompt and edit jobs get theirs once the spec is authored. */
function renderSource(input: JobInput, mediaBase: string): RenderRequest['source'] {
  switch (input.kind) {
    case 'key':
      return { kind: 'key', key: input.key };
    case 'spec':
      return { kind: 'spec', value: input.spec, baseDir: mediaBase };
    case 'prompt':
    case 'edit':
      return { kind: 'spec', value: null, baseDir: mediaBase };
  }
}

function renderSettings(job: JobRecord, workdir: string, deps: RenderJobDeps): Omit<RenderRequest, 'source'> {
  const out = path.join(workdir, `video.${FORMAT_EXTENSIONS[job.options.format]}`);
  return {
    out,
    format: job.options.format,
    quality: job.options.quality ?? DEFAULT_QUALITY,
    aspect: job.options.aspect,
    posterTime: job.options.poster,
    maxFrames: null,
    engine: job.input.kind === 'key' ? 'flutter' : 'auto',
    allowUnsupported: false,
    strict: false,
    keepTemp: false,
    ffmpegPath: deps.ffmpegPath,
    projectDir: deps.renderProject,
    allowNetwork: deps.allowNetworkMedia === true,
    flutterPath: null,
  };
}

async function storeResult(job: JobRecord, result: RenderResult, deps: RenderJobDeps): Promise<JobRecord | null> {
  const extension = FORMAT_EXTENSIONS[job.options.format];
  const base = { visibility: job.visibility, expiresAtMs: job.expiresAtMs };
  const videoKey = `${job.id}/video.${extension}`;
  await deps.storage.putFile(videoKey, result.output, { ...base, contentType: CONTENT_TYPES[job.options.format] });

  let posterKey: string | null = null;
  if (result.poster !== null) {
    posterKey = `${job.id}/poster.png`;
    await deps.storage.putFile(posterKey, result.poster, { ...base, contentType: CONTENT_TYPES.poster });
  }

  const now = deps.clock.now();
  return deps.jobs.update(job.id, (current) =>
    current.status === 'running' ? { ...current, status: 'succeeded', finishedAtMs: now, videoKey, posterKey, error: null } : null,
  );
}

async function recordFailure(job: JobRecord, error: unknown, signal: AbortSignal, deps: RenderJobDeps, log: Logger): Promise<JobRecord | null> {
  const reason = signal.aborted ? toFluvieError(signal.reason) : toFluvieError(error);
  const canceled = signal.aborted && reason.code === 'canceled';
  const message = describeFailure(reason, error, signal.aborted);
  if (canceled) log.info('render canceled');
  else log.warn({ err: error, code: reason.code }, `render failed: ${message}`);

  const now = deps.clock.now();
  return deps.jobs.update(job.id, (current) =>
    current.status === 'running' ? { ...current, status: canceled ? 'canceled' : 'failed', finishedAtMs: now, error: canceled ? 'Render canceled' : message } : null,
  );
}

/** Returns the job's `error` text: the FluvieError message, or a generic one for unexpected errors. */
function describeFailure(reason: FluvieError, original: unknown, aborted: boolean): string {
  if (aborted) return reason.message;
  if (original instanceof FluvieError) return original.message;
  return 'Internal render error';
}
