import { describe, expect, it } from 'vitest';
import { captureNative } from '../../../../../src/core/engines/native/native-engine.js';
import type { RenderEvent } from '../../../../../src/core/pipeline/events.js';
import { planRender } from '../../../../../src/core/pipeline/plan.js';
import { parseSpec } from '../native-helpers.js';

const spec = parseSpec({
  fluvieSpec: 1,
  size: { width: 32, height: 32 },
  scenes: [{ duration: '2f', children: [{ type: 'Clip', source: { kind: 'file', value: '/nonexistent/clip.mp4' } }] }],
});
const plan = planRender(spec, { aspect: null, maxFrames: null, posterTime: null });

describe('clips without ffmpeg', () => {
  it('fails when unsupported features are not allowed', async () => {
    const capture = captureNative({ spec, plan, baseDir: '/', allowUnsupported: false }, new AbortController().signal, () => {});
    await expect(capture).rejects.toMatchObject({ code: 'ffmpeg_missing' });
  });

  it('skips the clips with a warning when allowed', async () => {
    const events: RenderEvent[] = [];
    const stream = await captureNative({ spec, plan, baseDir: '/', allowUnsupported: true }, new AbortController().signal, (event) => events.push(event));
    await stream.close();
    expect(events).toEqual([expect.objectContaining({ type: 'warning', code: 'unsupported_feature' })]);
  });
});
