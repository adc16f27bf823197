import { describe, expect, it } from 'vitest';
import { VideoSpecSchema } from '../../src/spec/schema/video.js';
import { findUnknownProperties } from '../../src/spec/unknown-keys.js';

const scene = { duration: '1s' };

describe('findUnknownProperties', () => {
  it('finds nothing in a known document', () => {
    expect(findUnknownProperties(VideoSpecSchema, { scenes: [scene], editor: { anything: { goes: 1 } } })).toEqual([]);
  });

  it('reports keys with their path and the allowed keys', () => {
    const found = findUnknownProperties(VideoSpecSchema, { scenes: [{ ...scene, colour: 'red' }], titel: 'x' });

    expect(found.map((item) => item.path)).toEqual(['scenes[0].colour', 'titel']);
    expect(found[0]?.allowed).toContain('background');
  });

  it('follows the union member of an element type', () => {
    const found = findUnknownProperties(VideoSpecSchema, { scenes: [{ ...scene, children: [{ type: 'Box', color: '#000000', colour: 'x' }] }] });

    expect(found).toEqual([expect.objectContaining({ path: 'scenes[0].children[0].colour', key: 'colour' })]);
  });

  it('follows the discriminator of an invalid member', () => {
    const found = findUnknownProperties(VideoSpecSchema, { scenes: [{ ...scene, children: [{ type: 'Text', style: { colr: 1 } }] }] });

    expect(found.map((item) => item.path)).toEqual(['scenes[0].children[0].style.colr']);
  });

  it('walks nested children and wrapper children', () => {
    const child = { type: 'Box', extra: 1 };
    const found = findUnknownProperties(VideoSpecSchema, {
      scenes: [{ ...scene, children: [{ type: 'Group', children: [child] }, { type: 'Snapshot', child }] }],
    });

    expect(found.map((item) => item.path)).toEqual(['scenes[0].children[0].children[0].extra', 'scenes[0].children[1].child.extra']);
  });

  it('accepts any key in particle settings', () => {
    const effects = [{ kind: 'particles', particles: { kind: 'confetti', count: 40, seed: 'x' } }];

    expect(findUnknownProperties(VideoSpecSchema, { scenes: [{ ...scene, children: [{ type: 'Box', effects }] }] })).toEqual([]);
  });
});
