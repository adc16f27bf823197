import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLuts, lutRequests } from '../../../../../src/core/engines/native/effects/load-luts.js';
import { planRender } from '../../../../../src/core/pipeline/plan.js';
import { defaultPlanOptions, parseSpec } from '../native-helpers.js';
import { tempDir } from '../../../../helpers/media.js';

const lut = (asset: string, extra: Record<string, unknown> = {}) => ({ kind: 'lut', asset, ...extra });

function planOf(value: unknown) {
  return planRender(parseSpec(value), defaultPlanOptions);
}

describe('lutRequests', () => {
  it('lists scene, child prop and overlay LUTs', () => {
    const plan = planOf({
      fluvieSpec: 1,
      overlays: [{ type: 'Box', effects: [lut('looks/over.cube')] }],
      scenes: [
        {
          duration: '1s',
          children: [
            { type: 'Box', effects: [lut('looks/a.cube'), lut('looks/off.cube', { enabled: false }), { kind: 'lut', cube: 'LUT_3D_SIZE 2' }] },
            { type: 'DeviceFrame', variant: 'phone', child: { type: 'Box', effects: [lut('looks/child.cube')] } },
          ],
        },
      ],
    });
    expect(lutRequests(plan, '/specs')).toEqual([
      { path: 'scenes[0].children[0].effects[0]', file: '/specs/looks/a.cube' },
      { path: 'scenes[0].children[1].child.effects[0]', file: '/specs/looks/child.cube' },
      { path: 'overlays[0].effects[0]', file: '/specs/looks/over.cube' },
    ]);
  });

  it('rejects a path outside the folder', () => {
    const plan = planOf({ fluvieSpec: 1, scenes: [{ duration: '1s', children: [{ type: 'Box', effects: [lut('../a.cube')] }] }] });
    expect(() => lutRequests(plan, '/specs')).toThrow(/scenes\[0\]\.children\[0\]\.effects\[0\]\.asset: a LUT asset must be a plain relative path/);
  });
});

describe('loadLuts', () => {
  it('parses a shared file once', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'a.cube');
    await writeFile(file, 'LUT_3D_SIZE 2\n0 0 0\n1 0 0\n0 1 0\n1 1 0\n0 0 1\n1 0 1\n0 1 1\n1 1 1\n');
    const luts = await loadLuts([{ path: 'x', file }, { path: 'y', file }], new AbortController().signal);
    expect(luts.get('x')?.size).toBe(2);
    expect(luts.get('y')).toBe(luts.get('x'));
  });
});
