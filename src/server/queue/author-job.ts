/**
 * The authoring step of prompt and edit jobs: requests a VideoSpec from the job's AI provider and
 * records the accepted spec and its Dart code on the job as soon as they exist, so
 * `GET /v1/renders/{id}` returns them while the job is still running.
 */
import { authorSpec, type AuthorRequest } from '../../ai/author-spec.js';
import type { RenderRequest } from '../../core/pipeline/render-request.js';
import type { VideoSpec } from '../../spec/index.js';
import type { JobInput, JobRecord } from '../jobs/job-record.js';
import type { JobStore } from '../jobs/job-store.js';
import type { Logger } from '../logger.js';

export type AuthoredInput = Extract<JobInput, { kind: 'prompt' | 'edit' }>;

export interface AuthorJobDeps {
  jobs: JobStore;
  /** Environment with the provider keys, base URL overrides and FLUVIE_AI_MODEL. */
  env: Readonly<Record<string, string | undefined>>;
  log: Logger;
}

/** Returns true for inputs whose spec is authored inside the job (prompt and edit). */
export function isAuthoredInput(input: JobInput): input is AuthoredInput {
  return input.kind === 'prompt' || input.kind === 'edit';
}

/** The job to author, the render that follows it, and its work folder. */
export interface AuthorJobTarget {
  job: JobRecord;
  input: AuthoredInput;
  request: RenderRequest;
  workdir: string;
  /** Folder the media of an edit's base spec resolve against. */
  mediaBase: string;
}

/**
 * Authors the spec of `target.job` in its work folder. `target.request` is the render that follows;
 * its source is not read. When that render will run on the native engine, the model must also replace
 * the features the native engine cannot draw.
 * @throws FluvieError from authoring: `spec_invalid` listing the last reply's problems with their
 * paths, provider errors (`unavailable`, `rate_limited`, `timeout`), `config_invalid`, `canceled`.
 */
export async function authorJobSpec(target: AuthorJobTarget, signal: AbortSignal, deps: AuthorJobDeps): Promise<VideoSpec> {
  const { job, input, workdir } = target;
  const checkSpec = await nativeRulesFor(target.request, workdir, signal, deps.env);
  const authorRequest: AuthorRequest =
    input.kind === 'prompt' ? { kind: 'prompt', prompt: input.prompt } : { kind: 'edit', base: input.base, change: input.change, baseDir: target.mediaBase };

  const authored = await authorSpec(authorRequest, {
    provider: input.provider,
    env: deps.env,
    signal,
    format: job.options.format,
    ...(checkSpec === undefined ? {} : { checkSpec }),
    onAttempt: (attempt) => deps.log.info({ attempt, provider: input.provider }, attempt === 1 ? 'authoring the spec' : 'repairing the authored spec'),
    onAuthored: async ({ spec, code }) => {
      await deps.jobs.update(job.id, (current) => (current.status === 'running' ? { ...current, spec, code } : null));
    },
  });
  deps.log.info({ provider: authored.provider, model: authored.model, attempts: authored.attempts, dart: authored.code !== null }, 'spec authored');
  if (authored.posterError !== null) deps.log.warn({ reason: authored.posterError }, 'the edit was sent without the poster frame');
  return authored.spec;
}

/** Returns the native engine's drawing rules when `request` will render on it, else undefined. */
async function nativeRulesFor(request: RenderRequest, cwd: string, signal: AbortSignal, env: AuthorJobDeps['env']): Promise<((spec: VideoSpec) => string[]) | undefined> {
  if (request.allowUnsupported) return undefined;
  // Loaded on use: engine discovery and the native rules pull in code that other jobs never need.
  const { chooseEngine } = await import('../../core/pipeline/choose-engine.js');
  const choice = await chooseEngine(request, { env, cwd, signal, emit: () => undefined });
  if (choice.engine !== 'native') return undefined;
  const { nativeEngineProblems } = await import('../../ai/native-rules.js');
  return nativeEngineProblems;
}
