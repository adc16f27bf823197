/**
 * The shared body of `prompt` and `edit`: author the spec (the `author` progress stage), save it,
 * optionally save its Dart form, then render the saved file like `render --spec` does. The spec is
 * saved before the render starts, so a failed render still leaves it on disk.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROVIDERS } from '../../ai/ai-provider.js';
import { authorSpec, type AuthoredResult, type AuthorRequest, type AuthorSpecOptions } from '../../ai/author-spec.js';
import { resolveAiConfig } from '../../config/ai-config.js';
import { FluvieError, toFluvieError } from '../../core/errors.js';
import { ignoreEvents } from '../../core/pipeline/events.js';
import type { CliContext } from '../context.js';
import { resolveOutputFormat } from '../output-format.js';
import { createReporter } from '../ui/create-reporter.js';
import { PlainReporter } from '../ui/plain-reporter.js';
import type { Reporter } from '../ui/reporter.js';
import type { AuthorFlags } from './author-options.js';
import { saveSpecFile } from './save-authored.js';

export interface AuthorCommandPlan {
  request: AuthorRequest;
  /** Absolute path the authored spec is saved to. */
  specOut: string;
  /** Absolute video output path. */
  out: string;
}

export async function runAuthorCommand(plan: AuthorCommandPlan, flags: AuthorFlags, context: CliContext): Promise<void> {
  const json = flags.json === true;
  const reporter = await createReporter(context, { json, verbose: flags.verbose === true });
  let saved = false;
  try {
    const authored = await authorWithProgress(plan, flags, context, reporter);
    await saveSpecFile(plan.specOut, authored.spec);
    saved = true;
    await saveDart(authored, flags, context, reporter);
    announceAuthored(authored, plan, json, context, reporter);
    if (!flags.render) return;

    // Loaded on use, so --no-render and authoring failures never load the render engines.
    const { buildRenderRequest, ignoredFlagWarnings } = await import('./render-run.js');
    const { runRender } = await import('../../core/pipeline/run-render.js');
    const request = buildRenderRequest(null, { ...flags, spec: plan.specOut, out: plan.out }, context.cwd);
    for (const warning of ignoredFlagWarnings(request, flags.qualityFromCommandLine === true)) reporter.onEvent(warning);
    const result = await runRender(request, {
      env: context.env,
      cwd: context.cwd,
      signal: context.signal,
      emit: (event) => reporter.onEvent(event),
    });
    reporter.finish(result);
  } catch (error: unknown) {
    const failure = saved ? withSavedSpecHint(toFluvieError(error), plan.specOut) : toFluvieError(error);
    reporter.fail(failure);
    if (json) context.errorReported = true;
    throw failure;
  } finally {
    await reporter.close();
  }
}

async function authorWithProgress(plan: AuthorCommandPlan, flags: AuthorFlags, context: CliContext, reporter: Reporter): Promise<AuthoredResult> {
  // Resolving first fails fast (exit 78) on a missing key and names the model in the progress line.
  const config = resolveAiConfig(context.env, { provider: flags.provider });
  const label = `${PROVIDERS[config.provider].label} (${config.model})`;
  const plain = reporter instanceof PlainReporter;

  reporter.onEvent({ type: 'stage', stage: 'author' });
  const checkSpec = await renderRules(plan, flags, context);
  return authorSpec(plan.request, {
    ...(checkSpec === undefined ? {} : { checkSpec }),
    provider: config.provider,
    env: context.env,
    signal: context.signal,
    format: resolveOutputFormat(flags.format, plan.out),
    onAttempt: (attempt) => {
      const message = attempt === 1 ? `Authoring the spec with ${label}` : `Repairing the spec with ${label} (attempt ${attempt})`;
      reporter.onEvent({ type: 'log', level: 'info', message });
      if (plain && flags.verbose !== true) context.stderr.write(`${message}\n`);
    },
  });
}

/**
 * Returns the native engine's drawing rules when the render will run on it and must draw
 * everything, so the model replaces what cannot be drawn instead of the render failing later.
 */
async function renderRules(plan: AuthorCommandPlan, flags: AuthorFlags, context: CliContext): Promise<AuthorSpecOptions['checkSpec']> {
  if (!flags.render || flags.allowUnsupported === true) return undefined;
  const { buildRenderRequest } = await import('./render-run.js');
  const { chooseEngine } = await import('../../core/pipeline/choose-engine.js');
  const request = buildRenderRequest(null, { ...flags, spec: plan.specOut, out: plan.out }, context.cwd);
  const choice = await chooseEngine(request, { env: context.env, cwd: context.cwd, signal: context.signal, emit: ignoreEvents });
  if (choice.engine !== 'native') return undefined;
  const { nativeEngineProblems } = await import('../../ai/native-rules.js');
  return nativeEngineProblems;
}

async function saveDart(authored: AuthoredResult, flags: AuthorFlags, context: CliContext, reporter: Reporter): Promise<void> {
  if (flags.dartOut === undefined) return;
  if (authored.code === null) {
    reporter.onEvent({ type: 'warning', code: 'dart_unprintable', message: `No Dart source written to ${flags.dartOut}: part of the spec has no Dart form (see fluvie-render spec to-dart).` });
    return;
  }
  const file = path.resolve(context.cwd, flags.dartOut);
  try {
    await writeFile(file, authored.code, 'utf8');
  } catch (cause: unknown) {
    throw new FluvieError('output_failed', `Cannot write ${file}: ${(cause as Error).message}. Check that the folder exists and is writable.`, { cause });
  }
}

function announceAuthored(authored: AuthoredResult, plan: AuthorCommandPlan, json: boolean, context: CliContext, reporter: Reporter): void {
  for (const warning of authored.warnings) reporter.onEvent({ type: 'warning', code: warning.code, path: warning.path, message: warning.message });
  if (authored.posterError !== null) {
    reporter.onEvent({ type: 'warning', code: 'poster_skipped', message: `The edit was sent without the poster frame: ${authored.posterError}` });
  }
  if (json) {
    const line = { type: 'authored', spec: plan.specOut, provider: authored.provider, model: authored.model, attempts: authored.attempts };
    context.stdout.write(`${JSON.stringify(line)}\n`);
    return;
  }
  const attempts = authored.attempts === 1 ? '1 attempt' : `${authored.attempts} attempts`;
  reporter.onEvent({ type: 'log', level: 'info', message: `Authored a valid spec in ${attempts}` });
  context.stdout.write(`Spec ${plan.specOut}\n`);
}

function withSavedSpecHint(failure: FluvieError, specOut: string): FluvieError {
  const message = `${failure.message}\nThe authored spec is saved at ${specOut}; render it again with: fluvie-render render --spec ${specOut}`;
  return new FluvieError(failure.code, message, { details: failure.details, cause: failure });
}
