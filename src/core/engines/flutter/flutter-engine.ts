/**
 * The flutter engine behind the `CaptureEngine` seam: it runs the harness into a sandbox that the
 * caller owns and returns the checked manifest. `runFlutterRender` (flutter-render.ts) is the
 * complete render with encode, overlap and cleanup; this adapter serves callers that drive the
 * encode themselves.
 */
import path from 'node:path';
import type { CaptureEngine, FinishedSandbox } from '../capture-engine.js';
import type { RenderSource } from '../../pipeline/render-request.js';
import { captureToSandbox, type CaptureRunRequest, type FlutterRenderOptions } from './capture-run.js';
import { prepareCaptureSource } from './capture-source.js';
import type { RenderManifest } from './manifest.js';
import { discoverProject } from './project-discovery.js';
import { resolveFlutter } from './resolve-flutter.js';

export interface FlutterCaptureRequest extends CaptureRunRequest {
  readonly source: RenderSource;
  /** Existing, empty folder the harness writes into; the caller removes it. */
  readonly sandbox: string;
  readonly projectDir: string | null;
  readonly flutterPath: string | null;
  /** ffmpeg binary whose folder goes first on the harness's PATH, or null. */
  readonly ffmpegPath: string | null;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly options?: FlutterRenderOptions;
}

/** A finished sandbox whose manifest is already parsed and confinement-checked. */
export interface FlutterSandbox extends FinishedSandbox {
  readonly manifest: RenderManifest;
}

export function createFlutterEngine(): CaptureEngine<FlutterCaptureRequest, FlutterSandbox> {
  return {
    name: 'flutter',
    async capture(request, { signal, emit }) {
      const project = await discoverProject({ projectDir: request.projectDir, env: request.env, cwd: request.cwd });
      const flutter = await resolveFlutter({ flutterPath: request.flutterPath, env: request.env, cwd: request.cwd, signal });
      const source = await prepareCaptureSource(request.source, request.cwd, request.sandbox);
      const manifest = await captureToSandbox(request, { env: request.env, signal, emit }, request.options ?? {}, {
        projectDir: project.projectDir,
        harnessPath: project.harnessPath,
        flutterPath: flutter.path,
        sandbox: request.sandbox,
        source,
        ffmpegDir: request.ffmpegPath === null ? null : path.dirname(request.ffmpegPath),
      });
      return { kind: 'sandbox', dir: request.sandbox, manifest };
    },
  };
}
