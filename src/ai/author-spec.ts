/**
 * The authoring entry for the CLI and the server: resolve the provider from the environment, run
 * the repair loop, and print the accepted spec as Dart. Edits of vision providers also send the
 * base spec's poster frame.
 */
import { resolveAiConfig } from '../config/ai-config.js';
import { FluvieError, isAbortError, throwIfAborted } from '../core/errors.js';
import { validateSpec, type Diagnostic, type OutputFormat, type VideoSpec } from '../spec/index.js';
import { printVideoSpecDart } from '../spec/to-dart/index.js';
import type { AiProvider, ProviderName } from './ai-provider.js';
import { authorVideoSpec, type AuthorLoopOptions, type AuthorTask } from './author.js';
import { createAiProvider } from './create-provider.js';
import type { ProviderOptions } from './providers/provider-options.js';

/** An authoring request: a spec from a description, or a change to an existing spec (parsed JSON). */
export type AuthorRequest =
  | { kind: 'prompt'; prompt: string }
  /** `baseDir` resolves relative media of `base` when its poster frame is drawn (default: the working folder). */
  | { kind: 'edit'; base: unknown; change: string; baseDir?: string };

export interface AuthorSpecOptions {
  /** Provider named by `--provider` or a request's `provider`; default FLUVIE_AI_PROVIDER, else claude. */
  provider?: string | undefined;
  /** Environment with the provider keys, FLUVIE_AI_MODEL and base URL overrides. */
  env: Readonly<Record<string, string | undefined>>;
  signal: AbortSignal;
  /** Output format whose size rules the spec must meet; default the spec's export mode, else mp4. */
  format?: OutputFormat;
  /** Called once with the accepted spec and its Dart code, before `authorSpec` resolves. */
  onAuthored?: (authored: AuthoredResult) => void | Promise<void>;
  /** Called before each model call with the 1-based attempt number. */
  onAttempt?: (attempt: number) => void;
  /** Extra rules for a schema-valid spec; see {@link AuthorLoopOptions.checkSpec}. */
  checkSpec?: AuthorLoopOptions['checkSpec'];
  /** Test seam: replaces the wait between HTTP retries. */
  sleep?: ProviderOptions['sleep'];
}

export interface AuthoredResult {
  spec: VideoSpec;
  /** The spec printed as Dart `Video build()` source, or null when part of it has no Dart form. */
  code: string | null;
  provider: ProviderName;
  model: string;
  /** Model calls it took, 1 to 4. */
  attempts: number;
  /** Non-fatal validation findings of the accepted spec. */
  warnings: Diagnostic[];
  /** Why an edit went to a vision provider without its poster frame, or null. */
  posterError: string | null;
}

/**
 * Authors a VideoSpec with the configured provider.
 * @throws FluvieError `config_invalid` when the provider has no key (`details.variable` names it),
 * `invalid_request` for an unknown provider name, `spec_invalid` for an invalid edit base or when
 * the model's last reply is still invalid, provider errors (`unavailable`, `rate_limited`,
 * `timeout`), and `canceled`.
 */
export async function authorSpec(request: AuthorRequest, options: AuthorSpecOptions): Promise<AuthoredResult> {
  const config = resolveAiConfig(options.env, { provider: options.provider });
  const provider = createAiProvider(config, options.sleep === undefined ? {} : { sleep: options.sleep });
  const { task, posterError } = await buildTask(request, provider, options.signal);

  const authored = await authorVideoSpec(task, {
    provider,
    signal: options.signal,
    ...(options.format === undefined ? {} : { format: options.format }),
    ...(options.onAttempt === undefined ? {} : { onAttempt: options.onAttempt }),
    ...(options.checkSpec === undefined ? {} : { checkSpec: options.checkSpec }),
  });
  const result: AuthoredResult = {
    spec: authored.spec,
    code: printDartOrNull(authored.spec),
    provider: provider.name,
    model: provider.model,
    attempts: authored.attempts,
    warnings: authored.warnings,
    posterError,
  };
  await options.onAuthored?.(result);
  return result;
}

interface BuiltTask {
  task: AuthorTask;
  posterError: string | null;
}

async function buildTask(request: AuthorRequest, provider: AiProvider, signal: AbortSignal): Promise<BuiltTask> {
  if (request.kind === 'prompt') {
    if (request.prompt.trim() === '') throw new FluvieError('usage', 'The prompt is empty: describe the video to create.');
    return { task: { kind: 'prompt', prompt: request.prompt }, posterError: null };
  }
  if (request.change.trim() === '') throw new FluvieError('usage', 'The change is empty: describe what to change in the spec.');

  const report = validateSpec(request.base);
  if (!report.ok || report.spec === null) {
    const lines = report.diagnostics.filter((item) => item.severity === 'error').map((item) => `  ${item.path || '(root)'}: ${item.message}`);
    throw new FluvieError('spec_invalid', `The spec to edit is invalid:\n${lines.join('\n')}\nFix it first (fluvie-render spec validate shows every problem).`, {
      details: { diagnostics: report.diagnostics },
    });
  }
  const poster = provider.supportsVision ? await drawPoster(report.spec, request.baseDir ?? process.cwd(), signal) : { png: null, error: null };
  return { task: { kind: 'edit', base: request.base, change: request.change, posterPngBase64: poster.png }, posterError: poster.error };
}

/** Draws the poster; a failure is returned instead of thrown, because the picture only grounds the edit. */
async function drawPoster(spec: VideoSpec, baseDir: string, signal: AbortSignal): Promise<{ png: string | null; error: string | null }> {
  try {
    // Loaded on use: the native engine pulls in Skia, which prompts and text-only providers never need.
    const { renderPosterPngBase64 } = await import('./poster-png.js');
    return { png: await renderPosterPngBase64(spec, baseDir, signal), error: null };
  } catch (error: unknown) {
    if (isAbortError(error) || signal.aborted) throwIfAborted(signal);
    if (error instanceof FluvieError && error.code === 'canceled') throw error;
    return { png: null, error: error instanceof Error ? error.message : String(error) };
  }
}

function printDartOrNull(spec: VideoSpec): string | null {
  try {
    return printVideoSpecDart(spec);
  } catch (error: unknown) {
    if (error instanceof FluvieError && error.code === 'unsupported_feature') return null;
    throw error;
  }
}
