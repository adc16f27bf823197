import { describe, expect, it } from 'vitest';
import { collectElements } from '../../src/spec/element-walk.js';
import { VideoSpecSchema } from '../../src/spec/schema/video.js';

describe('collectElements', () => {
  it('visits scene, fill, overlay, master and nested elements', () => {
    const spec = VideoSpecSchema.parse({
      masters: { card: { children: [{ type: 'Placeholder', slot: 'title' }] } },
      overlays: [{ type: 'Text', text: 'live' }],
      scenes: [
        {
          duration: '1s',
          master: 'card',
          fills: { title: { type: 'Text', text: 'hi' } },
          children: [{ type: 'Group', children: [{ type: 'LowerThird', name: 'Ada', child: { type: 'Box' } }] }],
        },
      ],
    });

    const visits = collectElements(spec).map(({ element, path, sceneIndex, owner }) => [element.type, path.join('/'), sceneIndex, owner]);

    expect(visits).toEqual([
      ['Group', 'scenes/0/children/0', 0, 'scene'],
      ['LowerThird', 'scenes/0/children/0/children/0', 0, 'scene'],
      ['Box', 'scenes/0/children/0/children/0/child', 0, 'scene'],
      ['Text', 'scenes/0/fills/title', 0, 'scene'],
      ['Text', 'overlays/0', null, 'overlay'],
      ['Placeholder', 'masters/card/children/0', null, 'master'],
    ]);
  });
});
