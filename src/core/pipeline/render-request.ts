/**
 * The render core's public input and output. The CLI `render` command, the server's queue, MCP tools
 * and workers all build a {@link RenderRequest} and call `runRender` (run-render.ts).
 */
import type { EmitEvent } from './events.js';

export type OutputFormat = 'mp4' | 'gif' | 'transparent' | 'imageSequence';
export type Quality = 'low' | 'medium' | 'high' | 'max';
/** Output aspect override; the long edge of the video is kept (see plan.ts). */
export type Aspect = 'reels' | 'square' | 'landscape' | 'portrait45';
export type EngineChoice = 'auto' | 'native' | 'flutter';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['mp4', 'gif', 'transparent', 'imageSequence'];
export const QUALITIES: readonly Quality[] = ['low', 'medium', 'high', 'max'];
export const ASPECTS: readonly Aspect[] = ['reels', 'square', 'landscape', 'portrait45'];
export const ENGINE_CHOICES: readonly EngineChoice[] = ['auto', 'native', 'flutter'];

/** Render source: a VideoSpec (as a file or as parsed JSON) or a Flutter composition key. */
export type RenderSource =
  | { kind: 'specFile'; path: string }
  /** `baseDir` resolves relative `asset` and `file` sources of the spec. */
  | { kind: 'spec'; value: unknown; baseDir: string }
  | { kind: 'key'; key: string };

export interface RenderRequest {
  source: RenderSource;
  /** Output file (a folder for imageSequence). */
  out: string;
  format: OutputFormat;
  quality: Quality;
  aspect: Aspect | null;
  /** Poster time in the VideoSpec time grammar (`1.5s`, `30f`, `0.3r`), or null for no poster. */
  posterTime: string | null;
  /** Render only the first N frames, or null for all. */
  maxFrames: number | null;
  engine: EngineChoice;
  /** Render what the engine can draw and warn about the rest, instead of failing. */
  allowUnsupported: boolean;
  /** Fetch `network` media sources (public http(s) addresses only). Default false. */
  allowNetwork?: boolean;
  /** Treat unknown spec properties as errors. */
  strict: boolean;
  keepTemp: boolean;
  /** Explicit ffmpeg binary (`--ffmpeg`), or null to resolve from env, PATH and the bundled fallback. */
  ffmpegPath: string | null;
  /** Flutter project folder (`--project`), or null to discover it. */
  projectDir: string | null;
  /** Flutter binary (`--flutter`), or null to resolve it. */
  flutterPath: string | null;
}

export interface RenderDeps {
  /** Environment variables (ffmpeg, Flutter and project resolution read from here, never from process.env). */
  env: Readonly<Record<string, string | undefined>>;
  /** Working folder for relative paths. */
  cwd: string;
  signal: AbortSignal;
  emit: EmitEvent;
}

export interface RenderResult {
  output: string;
  bytes: number;
  frames: number;
  durationSeconds: number;
  /** Poster PNG path, when a poster was requested. */
  poster: string | null;
  engine: 'native' | 'flutter';
}
