/**
 * The gates a parsed render request passes before it is queued, in the Dart server's order. Code
 * renders stop first. Prompt and edit renders need an AI provider key and pass the per-IP limit; they
 * are authored into a spec later, inside the queued job.
 * Spec renders get a full validation that reports every problem with its JSON path.
 */
import type { AiConfig } from '../../config/server-config.js';
import { checkAiProvider } from '../../ai/check-provider.js';
import { FluvieError } from '../../core/errors.js';
import type { RateLimiter } from '../http/rate-limiter.js';
import type { JobInput } from '../jobs/job-record.js';
import type { SpecTools } from '../spec-tools.js';
import { assertMediaAllowed, mediaDiagnostics } from './media-policy.js';
import type { RenderInput, RenderSubmission } from './render-body.js';

export interface AdmitContext {
  ai: AiConfig;
  specTools: SpecTools;
  rateLimiter: RateLimiter;
  clientIp: string;
  nowMs: number;
  /** Folder that local media sources must lie inside (MEDIA_DIR), or null to reject them. */
  mediaDir: string | null;
  /** Flutter project of composition (`key`) renders (RENDER_PROJECT), or null when none is set. */
  renderProject: string | null;
}

/** Returns the 429 error of a prompt or edit render over the per-client limit. */
export function rateLimitedError(retryAfterSeconds: number): FluvieError {
  return new FluvieError('rate_limited', `Too many AI renders from this client; retry in ${retryAfterSeconds} s.`, { details: { retryAfterSeconds } });
}

/** Returns what to render, or throws the FluvieError the client gets. */
export function admitRender(submission: RenderSubmission, context: AdmitContext): JobInput {
  const { input } = submission;
  switch (input.kind) {
    case 'code':
      throw new FluvieError('unavailable', 'Code renders (Dart source in "code") are not available in this build of fluvie-render; send a "spec" or a composition "key" instead.');
    case 'prompt':
    case 'edit':
      return admitAiRender(input, submission.provider, context);
    case 'key':
      if (context.renderProject === null) {
        throw new FluvieError('unavailable', `Composition renders ("key": "${input.key}") are not available on this server because it has no Flutter project: the operator must set RENDER_PROJECT to the project folder. Send a "spec" instead.`);
      }
      return { kind: 'key', key: input.key };
    case 'spec':
      checkSpec(input.spec, submission, context);
      return { kind: 'spec', spec: input.spec };
  }
}

function admitAiRender(input: Extract<RenderInput, { kind: 'prompt' | 'edit' }>, requested: string | null, context: AdmitContext): JobInput {
  if (input.kind === 'edit') assertMediaAllowed(input.base, context.mediaDir, 'edit.base');
  const provider = checkProvider(requested, context.ai);

  const decision = context.rateLimiter.check(context.clientIp, context.nowMs);
  if (!decision.allowed) throw rateLimitedError(decision.retryAfterSeconds);
  return input.kind === 'prompt' ? { kind: 'prompt', prompt: input.prompt, provider } : { kind: 'edit', base: input.base, change: input.change, provider };
}

/**
 * Returns the provider the job will author with: the request's `provider`, else FLUVIE_AI_PROVIDER.
 * A provider without its key, or a bad FLUVIE_AI_PROVIDER, is a server problem (503); an unknown
 * provider named in the request is the client's (400).
 */
function checkProvider(requested: string | null, ai: AiConfig): string {
  const problem = checkAiProvider(aiEnvOf(ai), requested ?? undefined);
  if (problem === null) return requested ?? ai.provider;
  if (problem.code === 'config_invalid') throw new FluvieError('unavailable', 'AI rendering is not configured on this server', { cause: problem });
  throw new FluvieError('invalid_request', problem.message, { cause: problem });
}

/** Returns true when the server's default provider (FLUVIE_AI_PROVIDER) can author specs. */
export function defaultProviderReady(ai: AiConfig): boolean {
  return checkAiProvider(aiEnvOf(ai)) === null;
}

/** Returns the AI variables of the server configuration in the form the provider check reads. */
function aiEnvOf(ai: AiConfig): Record<string, string | undefined> {
  return {
    FLUVIE_AI_PROVIDER: ai.provider,
    ANTHROPIC_API_KEY: ai.anthropicApiKey ?? undefined,
    GEMINI_API_KEY: ai.geminiApiKey ?? undefined,
    MISTRAL_API_KEY: ai.mistralApiKey ?? undefined,
  };
}

/** Validates a spec render: every schema problem and every rejected media file, with JSON paths. */
function checkSpec(spec: unknown, submission: RenderSubmission, context: AdmitContext): void {
  const report = context.specTools.validate(spec, submission.options.format);
  const media = mediaDiagnostics(spec, context.mediaDir, '');
  const diagnostics = [...report.diagnostics, ...media];
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (report.ok && errors.length === 0) return;

  const lines = errors.map((diagnostic) => `${diagnostic.path === '' ? '(root)' : diagnostic.path}: ${diagnostic.message}`);
  const message = `spec is not a valid VideoSpec (${errors.length} problem${errors.length === 1 ? '' : 's'}): ${lines.join('; ')}`;
  throw new FluvieError('invalid_request', message, { details: { diagnostics } });
}
