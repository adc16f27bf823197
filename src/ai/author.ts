/**
 * The authoring loop: ask the model for a VideoSpec, validate the reply, and send the exact
 * problems back for up to three repair rounds, as the Dart fluvie_ai author service does.
 */
import { FluvieError, throwIfAborted } from '../core/errors.js';
import type { Diagnostic, OutputFormat, VideoSpec } from '../spec/index.js';
import type { AiProvider, ChatMessage } from './ai-provider.js';
import { checkReply, type ReplyCheck } from './parse-reply.js';
import { buildSystemPrompt } from './prompts/system-prompt.js';
import { editMessage, promptMessage, repairMessage } from './prompts/user-messages.js';

/** Repair rounds after the first reply, so at most four model calls. */
export const MAX_REPAIRS = 3;

/** An authoring task: a new spec from a description, or a changed copy of an existing spec. */
export type AuthorTask =
  | { kind: 'prompt'; prompt: string }
  /** `base` is the current spec as JSON; `posterPngBase64` is sent only to providers with vision. */
  | { kind: 'edit'; base: unknown; change: string; posterPngBase64: string | null };

export interface AuthorLoopOptions {
  provider: AiProvider;
  signal: AbortSignal;
  /** Output format whose size rules the spec must meet. Default: the spec's own export mode, else mp4. */
  format?: OutputFormat;
  /** Called before each model call with the 1-based attempt number. */
  onAttempt?: (attempt: number) => void;
  /**
   * Extra rules for a schema-valid spec, such as what the chosen render engine can draw. Returned
   * problems (`path: message` lines) go back to the model like validation errors.
   */
  checkSpec?: (spec: VideoSpec) => string[];
}

export interface AuthoredSpec {
  spec: VideoSpec;
  /** Model calls it took, 1 to {@link MAX_REPAIRS} + 1. */
  attempts: number;
  /** Non-fatal validation findings of the accepted spec. */
  warnings: Diagnostic[];
}

/**
 * Authors a valid VideoSpec.
 * @throws FluvieError `spec_invalid` when the last reply is still invalid, listing its problems
 * (`details.diagnostics`); provider errors (`unavailable`, `rate_limited`, `config_invalid`,
 * `timeout`) and `canceled` pass through.
 */
export async function authorVideoSpec(task: AuthorTask, options: AuthorLoopOptions): Promise<AuthoredSpec> {
  const system = buildSystemPrompt();
  const messages: ChatMessage[] = [firstMessage(task, options.provider.supportsVision)];

  for (let attempt = 1; ; attempt += 1) {
    throwIfAborted(options.signal);
    options.onAttempt?.(attempt);
    const reply = await options.provider.chat({ system, messages, signal: options.signal });
    const check = withExtraRules(checkReply(reply, options.format), options.checkSpec);
    if (check.ok) return { spec: check.spec, attempts: attempt, warnings: check.warnings };

    if (attempt > MAX_REPAIRS) {
      const lines = check.problems.map((problem) => `  ${problem}`).join('\n');
      throw new FluvieError(
        'spec_invalid',
        `Model output failed validation after ${attempt} attempts (${options.provider.name}, ${options.provider.model}):\n${lines}\nRephrase the request or try another model with FLUVIE_AI_MODEL.`,
        { details: { diagnostics: check.diagnostics, attempts: attempt, lastReply: reply } },
      );
    }
    messages.push({ role: 'assistant', parts: [{ type: 'text', text: reply }] }, repairMessage(check.problems));
  }
}

function withExtraRules(check: ReplyCheck, checkSpec: AuthorLoopOptions['checkSpec']): ReplyCheck {
  if (!check.ok || checkSpec === undefined) return check;
  const problems = checkSpec(check.spec);
  if (problems.length === 0) return check;
  return { ok: false, problems, diagnostics: problems.map((message) => ({ path: '', severity: 'error', code: 'not_renderable', message })) };
}

function firstMessage(task: AuthorTask, vision: boolean): ChatMessage {
  if (task.kind === 'prompt') return promptMessage(task.prompt);
  return editMessage(task.base, task.change, vision ? task.posterPngBase64 : null);
}
