/**
 * The flutter path of runRender: ffmpeg is resolved and checked first, then the project's capture
 * harness runs under `flutter test` and its manifest drives the encode.
 */
import { requireEncoders, resolveFfmpeg } from '../encode/resolve-ffmpeg.js';
import { runFlutterRender } from '../engines/flutter/flutter-render.js';
import type { RenderDeps, RenderRequest, RenderResult } from './render-request.js';

export async function renderWithFlutter(request: RenderRequest, deps: RenderDeps): Promise<RenderResult> {
  const ffmpeg = await resolveFfmpeg({ flag: request.ffmpegPath, env: deps.env });
  requireEncoders(ffmpeg, request.format);
  deps.emit({ type: 'log', level: 'info', message: `ffmpeg: ${ffmpeg.path} (${ffmpeg.version}, from ${ffmpeg.source})` });
  return runFlutterRender(request, { ...deps, ffmpeg });
}
