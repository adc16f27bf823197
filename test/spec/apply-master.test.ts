import { describe, expect, it } from 'vitest';
import { FluvieError } from '../../src/core/errors.js';
import { applySceneMaster } from '../../src/spec/apply-master.js';
import { planRender } from '../../src/core/pipeline/plan.js';
import { VideoSpecSchema, type VideoSpec } from '../../src/spec/index.js';
import { capture, defaultPlanOptions, pixel } from '../core/engines/native/native-helpers.js';

const SLOT_AT = { x: 0.5, y: 0.75, w: 0.5, h: 0.2 };

function deck(scene: Record<string, unknown>): VideoSpec {
  return VideoSpecSchema.parse({
    fluvieSpec: 1,
    size: { width: 100, height: 100 },
    masters: {
      'title-slide': {
        background: { kind: 'color', color: '#FF0000FF' },
        children: [
          { type: 'Box', color: '#FFFF0000', transform: { x: 0.1, y: 0.1, w: 0.2, h: 0.2 } },
          { type: 'Placeholder', slot: 'headline', transform: SLOT_AT, style: { fontSize: 30, color: '#FF00FF00' } },
          { type: 'Placeholder', slot: 'footer' },
        ],
      },
    },
    scenes: [{ duration: '10f', master: 'title-slide', ...scene }],
  });
}

describe('applySceneMaster', () => {
  it('master children go under scene children', () => {
    const spec = deck({ fills: { headline: { type: 'Text', text: 'Hi' } }, children: [{ type: 'Box', color: '#FFFFFFFF' }] });
    const applied = applySceneMaster(spec, 0);
    expect(applied.entries.map((entry) => entry.path)).toEqual(['masters["title-slide"].children[0]', 'scenes[0].fills.headline', 'scenes[0].children[0]']);
  });

  it('unfilled slots draw nothing', () => {
    const applied = applySceneMaster(deck({}), 0);
    expect(applied.entries.map((entry) => entry.element.type)).toEqual(['Box']);
  });

  it('fill takes placeholder transform and style under its own', () => {
    const applied = applySceneMaster(deck({ fills: { headline: { type: 'Text', text: 'Hi', style: { fontSize: 12 }, show: { from: '2f' } } } }), 0);
    const fill = applied.entries[1]!.element;
    expect(fill.transform).toEqual(SLOT_AT);
    expect(fill).toMatchObject({ style: { fontSize: 12, color: '#FF00FF00' }, show: { from: '2f' } });
  });

  it('fill transform wins over the slot', () => {
    const own = { x: 0.2, y: 0.2 };
    const applied = applySceneMaster(deck({ fills: { headline: { type: 'Text', text: 'Hi', transform: own } } }), 0);
    expect(applied.entries[1]!.element.transform).toEqual(own);
  });

  it('scene background wins over the master', () => {
    expect(applySceneMaster(deck({}), 0).scene.background).toEqual({ kind: 'color', color: '#FF0000FF' });
    const own = { kind: 'color', color: '#FF00FF00' };
    expect(applySceneMaster(deck({ background: own }), 0).scene.background).toEqual(own);
  });

  it('scene without master passes through', () => {
    const spec = VideoSpecSchema.parse({ fluvieSpec: 1, scenes: [{ duration: '1s', children: [{ type: 'Box' }] }] });
    const applied = applySceneMaster(spec, 0);
    expect(applied.scene).toBe(spec.scenes[0]);
    expect(applied.entries.map((entry) => entry.path)).toEqual(['scenes[0].children[0]']);
  });

  it('unknown master names the defined ones', () => {
    const spec = { ...deck({}), scenes: [{ duration: '1s', master: 'nope' }] } as VideoSpec;
    expect(() => applySceneMaster(spec, 0)).toThrow(FluvieError);
    expect(() => applySceneMaster(spec, 0)).toThrow(/master "nope" is not defined \(defined masters: title-slide\)/);
  });

  it('planner plans master elements with paths', () => {
    const plan = planRender(deck({ fills: { footer: { type: 'Box', show: { from: '5f' } } } }), defaultPlanOptions);
    expect(plan.scenes[0]!.children.map((child) => [child.path, child.window])).toEqual([
      ['masters["title-slide"].children[0]', null],
      ['scenes[0].fills.footer', { start: 5, end: 10 }],
    ]);
  });
});

describe('master layouts in a native render', () => {
  it('background, chrome and filled slot are drawn', async () => {
    const spec = deck({ fills: { headline: { type: 'Box', color: '#FFFFFF00' } }, children: [{ type: 'Box', color: '#FFFFFFFF', transform: { x: 0.9, y: 0.1, w: 0.2, h: 0.2 } }] });
    const { stream } = await capture(spec);
    const frame = await stream.renderFrame!(0);
    expect(pixel(frame, 100, 50, 50)).toEqual([0, 0, 255, 255]);
    expect(pixel(frame, 100, 10, 10)).toEqual([255, 0, 0, 255]);
    // The slot's transform spans x 25..75, y 65..85.
    expect(pixel(frame, 100, 30, 70)).toEqual([255, 255, 0, 255]);
    expect(pixel(frame, 100, 20, 70)).toEqual([0, 0, 255, 255]);
    expect(pixel(frame, 100, 90, 10)).toEqual([255, 255, 255, 255]);
  });
});
