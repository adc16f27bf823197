import { describe, expect, it } from 'vitest';
import { findRenamedNames } from '../../src/spec/renames.js';

function documentWith(animate: unknown[], audio: unknown[] = []): unknown {
  return { scenes: [{ duration: '1s', children: [{ type: 'Text', text: 'x', animate }], audio }] };
}

describe('findRenamedNames', () => {
  it.each([
    ['slideFade', 'slideFadeIn'],
    ['maskWipe', 'maskWipeIn'],
  ])('flags preset %s', (oldName, newName) => {
    const found = findRenamedNames(documentWith([{ preset: oldName }]));

    expect(found).toEqual([expect.objectContaining({ path: 'scenes[0].children[0].animate[0].preset', severity: 'error', code: 'renamed' })]);
    expect(found[0]?.message).toContain(`"${newName}"`);
  });

  it.each([
    ['spin', 'per'],
    ['float', 'frequency'],
  ])('flags %s.%s', (preset, key) => {
    const found = findRenamedNames(documentWith([{ preset, [key]: '2s' }]));

    expect(found.map((item) => item.path)).toEqual([`scenes[0].children[0].animate[0].${key}`]);
    expect(found[0]?.message).toContain('"period"');
  });

  it('flags the after trigger in animations and sounds', () => {
    const found = findRenamedNames(documentWith([{ preset: 'fadeIn', at: { kind: 'after', anchor: 'a' } }], [{ kind: 'sfx', at: { kind: 'after', anchor: 'a' } }]));

    expect(found.map((item) => item.path)).toEqual(['scenes[0].children[0].animate[0].at.kind', 'scenes[0].audio[0].at.kind']);
  });

  it('ignores current names and the editor block', () => {
    const document = { ...(documentWith([{ preset: 'slideFadeIn' }, { preset: 'spin', period: '2s' }]) as object), editor: { animate: [{ preset: 'slideFade' }] } };

    expect(findRenamedNames(document)).toEqual([]);
  });

  it('ignores an encoder preset outside animate', () => {
    expect(findRenamedNames({ export: { mode: 'mp4', preset: 'slideFade' } })).toEqual([]);
  });
});
