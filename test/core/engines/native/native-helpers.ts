/** Shared helpers for native engine tests: reference specs, planning and direct frame capture. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNativeEngine } from '../../../../src/core/engines/native/native-engine.js';
import type { FrameStream } from '../../../../src/core/engines/capture-engine.js';
import type { RenderEvent } from '../../../../src/core/pipeline/events.js';
import { planRender, type PlanOptions } from '../../../../src/core/pipeline/plan.js';
import { VideoSpecSchema, type VideoSpec } from '../../../../src/spec/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const referenceSpecsDir = path.resolve(repoRoot, '../shared/reference/specs');

export function referenceSpec(name: string): VideoSpec {
  return parseSpec(JSON.parse(readFileSync(path.join(referenceSpecsDir, `${name}.fluvie.json`), 'utf8')));
}

export function parseSpec(value: unknown): VideoSpec {
  return VideoSpecSchema.parse(value);
}

export const defaultPlanOptions: PlanOptions = { aspect: null, maxFrames: null, posterTime: null };

export interface Captured {
  stream: FrameStream;
  events: RenderEvent[];
}

/** Plans `spec` and opens a native frame stream on it. */
export async function capture(
  spec: VideoSpec,
  options: { baseDir?: string; allowUnsupported?: boolean; plan?: Partial<PlanOptions> } = {},
): Promise<Captured> {
  const plan = planRender(spec, { ...defaultPlanOptions, ...options.plan });
  const events: RenderEvent[] = [];
  const output = await createNativeEngine().capture(
    { spec, plan, baseDir: options.baseDir ?? referenceSpecsDir, allowUnsupported: options.allowUnsupported ?? false },
    { signal: new AbortController().signal, emit: (event) => events.push(event) },
  );
  if (output.kind !== 'frames') throw new Error('native engine returned no frame stream');
  return { stream: output, events };
}

/** RGBA (premultiplied) of pixel (x, y) of a frame `width` pixels wide. */
export function pixel(frame: Uint8Array, width: number, x: number, y: number): [number, number, number, number] {
  const i = (y * width + x) * 4;
  return [frame[i]!, frame[i + 1]!, frame[i + 2]!, frame[i + 3]!];
}
