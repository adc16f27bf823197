/**
 * The gates a parsed render request passes before it is queued, in the Dart server's order. Code
 * renders stop first. Prompt and edit renders need an AI provider key and pass the per-IP limit.
 * Spec renders get a full validation that reports every problem with its JSON path.
 */
import type { AiConfig } from '../../config/server-config.js';
import { FluvieError } from '../../core/errors.js';
import type { RateLimiter } from '../http/rate-limiter.js';
import type { JobInput } from '../jobs/job-record.js';
import type { SpecTools } from '../spec-tools.js';
import type { RenderSubmission } from './render-body.js';

export interface AdmitContext {
  ai: AiConfig;
  specTools: SpecTools;
  rateLimiter: RateLimiter;
  clientIp: string;
  nowMs: number;
}

/** Returns what to render, or throws the FluvieError the client gets. */
export function admitRender(submission: RenderSubmission, context: AdmitContext): JobInput {
  const { input } = submission;
  switch (input.kind) {
    case 'code':
      throw new FluvieError('unavailable', 'Code renders (Dart source in "code") are not available in this build of fluvie-render; send a "spec" or a composition "key" instead.');
    case 'prompt':
    case 'edit':
      return admitAiRender(submission, context);
    case 'key':
      return { kind: 'key', key: input.key };
    case 'spec':
      checkSpec(input.spec, submission, context.specTools);
      return { kind: 'spec', spec: input.spec };
  }
}

function admitAiRender(submission: RenderSubmission, context: AdmitContext): never {
  const provider = submission.provider ?? context.ai.provider;
  if (!hasProviderKey(provider, context.ai)) throw new FluvieError('unavailable', 'AI rendering is not configured on this server');

  const decision = context.rateLimiter.check(context.clientIp, context.nowMs);
  if (!decision.allowed) {
    throw new FluvieError('rate_limited', `Too many AI renders from this client; retry in ${decision.retryAfterSeconds} s.`, {
      details: { retryAfterSeconds: decision.retryAfterSeconds },
    });
  }
  // TODO: call the AI authoring module here once it is part of the build; until then every prompt and edit render stops at this gate.
  throw new FluvieError('unavailable', 'AI authoring (prompt and edit renders) is not available in this build of fluvie-render; send a "spec" or a composition "key" instead.');
}

/** Provider key check: `ollama` needs none, `gemini` and `mistral` their own, anything else Anthropic's. */
function hasProviderKey(provider: string, ai: AiConfig): boolean {
  switch (provider) {
    case 'ollama':
      return true;
    case 'gemini':
      return ai.geminiApiKey !== null;
    case 'mistral':
      return ai.mistralApiKey !== null;
    default:
      return ai.anthropicApiKey !== null;
  }
}

function checkSpec(spec: unknown, submission: RenderSubmission, specTools: SpecTools): void {
  const report = specTools.validate(spec, submission.options.format);
  const errors = report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (report.ok && errors.length === 0) return;

  const lines = errors.map((diagnostic) => `${diagnostic.path === '' ? '(root)' : diagnostic.path}: ${diagnostic.message}`);
  const message = `spec is not a valid VideoSpec (${errors.length} problem${errors.length === 1 ? '' : 's'}): ${lines.join('; ')}`;
  throw new FluvieError('invalid_request', message, { details: { diagnostics: report.diagnostics } });
}
