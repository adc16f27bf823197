/**
 * Builds the `flutter test` argument list of a capture run. The order is part of the harness
 * protocol: the fixed render defines first, then the optional ones, then the extra defines in
 * insertion order. An option that is absent emits no define at all.
 */

/** Harness path, relative to the project, that `init` writes and discovery looks for. */
export const HARNESS_RELATIVE_PATH = 'test/render/capture_harness_test.dart';

/** Everything the capture argv depends on, with defaults already resolved. */
export interface CaptureInvocation {
  /** Harness path as passed to `flutter test` (relative to the project folder). */
  readonly harnessPath: string;
  /** Composition key, or the empty string for spec renders. */
  readonly key: string;
  /** Absolute sandbox folder the harness writes into. */
  readonly outDir: string;
  readonly frames: number | null;
  readonly noCache: boolean;
  readonly aspect: string | null;
  readonly quality: string | null;
  readonly format: string | null;
  readonly poster: string | null;
  readonly enableImpeller: boolean;
  /** Further defines (`FLUVIE_RENDER_SPEC`, `FLUVIE_BLOCK_FILE_SOURCES`, …), emitted in this order. */
  readonly extraDefines: readonly (readonly [name: string, value: string])[];
}

function define(name: string, value: string): string {
  return `--dart-define=${name}=${value}`;
}

/** Returns the arguments that follow the `flutter` executable for a capture run. */
export function buildCaptureArgs(invocation: CaptureInvocation): string[] {
  const args = ['test', '--no-pub'];
  if (invocation.enableImpeller) args.push('--enable-impeller');
  args.push(invocation.harnessPath);

  args.push(define('FLUVIE_RENDER_KEY', invocation.key));
  args.push(define('FLUVIE_RENDER_OUT_DIR', invocation.outDir));
  if (invocation.frames !== null) args.push(define('FLUVIE_RENDER_FRAMES', String(invocation.frames)));
  if (invocation.noCache) args.push(define('FLUVIE_RENDER_NO_CACHE', 'true'));
  if (invocation.aspect !== null) args.push(define('FLUVIE_RENDER_ASPECT', invocation.aspect));
  if (invocation.quality !== null) args.push(define('FLUVIE_RENDER_QUALITY', invocation.quality));
  if (invocation.format !== null) args.push(define('FLUVIE_RENDER_FORMAT', invocation.format));
  if (invocation.poster !== null) args.push(define('FLUVIE_RENDER_POSTER', invocation.poster));

  for (const [name, value] of invocation.extraDefines) args.push(define(name, value));
  return args;
}

/** Returns the arguments of a key listing run: the harness prints `fluvie-keys: a, b` and exits. */
export function buildListArgs(harnessPath: string, enableImpeller = false): string[] {
  const args = ['test', '--no-pub'];
  if (enableImpeller) args.push('--enable-impeller');
  args.push(harnessPath, define('FLUVIE_RENDER_LIST', 'true'));
  return args;
}
