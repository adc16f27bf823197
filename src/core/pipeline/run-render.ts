/**
 * Orchestrates one render: load and validate the source, choose the engine, resolve ffmpeg before any
 * frame is drawn, capture, encode, write the poster, and report typed events. The CLI, the server
 * queue and MCP tools all call {@link runRender}.
 */
import { FluvieError, throwIfAborted } from '../errors.js';
import type { RenderDeps, RenderRequest, RenderResult } from './render-request.js';
import { renderSpecNative } from './render-native.js';
import { chooseEngine } from './choose-engine.js';

/**
 * Renders `request.source` to `request.out`.
 * Throws FluvieError: `spec_invalid`, `unsupported_feature`, `file_not_found`, `ffmpeg_missing`,
 * `ffmpeg_failed`, `capture_failed`, `canceled` (when `deps.signal` fires), and others.
 * On failure nothing is left at `request.out` and temporary files are removed.
 */
export async function runRender(request: RenderRequest, deps: RenderDeps): Promise<RenderResult> {
  throwIfAborted(deps.signal);
  validateRequest(request);
  const choice = await chooseEngine(request, deps);
  deps.emit({ type: 'log', level: 'info', message: `Engine: ${choice.engine} (${choice.reason})` });
  if (request.keepTemp && choice.engine === 'native') {
    // Only the flutter engine has a render sandbox, because the native engine streams frames straight to ffmpeg.
    deps.emit({
      type: 'warning',
      code: 'ignored_flag',
      message: '--keep-temp has no effect with the native engine: it streams frames to ffmpeg and keeps no temporary folder. Use --engine flutter to inspect a harness sandbox.',
    });
  }
  if (choice.engine === 'flutter') {
    const { renderWithFlutter } = await import('./render-flutter.js');
    return renderWithFlutter(request, deps);
  }
  return renderSpecNative(request, deps);
}

function validateRequest(request: RenderRequest): void {
  if (request.maxFrames !== null && (!Number.isInteger(request.maxFrames) || request.maxFrames < 1)) {
    throw new FluvieError('usage', `Invalid frame limit ${String(request.maxFrames)}: use a positive whole number of frames.`);
  }
  if (request.source.kind === 'key' && request.engine === 'native') {
    throw new FluvieError(
      'usage',
      `The native engine renders VideoSpec files only, but composition key "${request.source.key}" was given. Use --engine flutter (or auto) with a Flutter project, or --spec <file>.`,
    );
  }
}
