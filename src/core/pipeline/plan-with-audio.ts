/**
 * Plans a render whose spec reads music: analyses the tracks on a first plan (scene windows and
 * anchor timelines place them), then plans again with the analysis, so beat triggers resolve and
 * the engine can read band energies from `plan.audio`.
 */
import { analyseAudio } from '../audio/analyse-audio.js';
import type { ResolvedFfmpeg } from '../encode/resolve-ffmpeg.js';
import type { VideoSpec } from '../../spec/index.js';
import { planRender, type PlanOptions } from './plan.js';
import type { RenderPlan } from './plan-types.js';
import { probeSourceSeconds } from './render-audio.js';

export interface PlanWithAudioOptions {
  baseDir: string;
  ffmpeg: ResolvedFfmpeg;
  signal: AbortSignal;
}

/**
 * Returns `draft` unchanged when nothing in the spec reads audio, else the plan with its analysis.
 * NOTE: a track that starts on an anchor whose timing waits for a beat is placed by the draft,
 * which leaves beat-triggered animations out, so its analysis can be offset from the final plan.
 */
export async function planWithAudio(spec: VideoSpec, draft: RenderPlan, planOptions: PlanOptions, options: PlanWithAudioOptions): Promise<RenderPlan> {
  const sourceSeconds = await probeSourceSeconds({ spec, plan: draft, baseDir: options.baseDir, ffmpeg: options.ffmpeg, signal: options.signal });
  const audio = await analyseAudio({ spec, plan: draft, baseDir: options.baseDir, ffmpegPath: options.ffmpeg.path, sourceSeconds, signal: options.signal });
  if (audio === null) return draft;
  return planRender(spec, { ...planOptions, audio });
}
