import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VideoSpecSchema } from '../../src/spec/schema/video.js';
import { specRegistry } from '../../src/spec/schema/registry.js';
import { chooseUnionMember, schemaAtPath, unwrapSchema } from '../../src/spec/schema-walk.js';

describe('schemaAtPath', () => {
  const document = { fps: 0, size: { width: 1, height: 2 }, scenes: [{ duration: '1s', children: [{ type: 'Image', source: { kind: 'asset', value: 'a.png' } }] }] };

  it('finds a number schema with its bounds', () => {
    const fps = schemaAtPath(VideoSpecSchema, document, ['fps']) as unknown as z.ZodNumber;

    expect(fps.minValue).toBe(1);
    expect(fps.maxValue).toBe(120);
  });

  it('picks the object member of a size union', () => {
    const width = schemaAtPath(VideoSpecSchema, document, ['size', 'width']) as unknown as z.ZodNumber;

    expect(width.maxValue).toBe(7680);
  });

  it('follows the element union by type', () => {
    const source = schemaAtPath(VideoSpecSchema, document, ['scenes', 0, 'children', 0, 'source']);

    expect(source === undefined ? undefined : specRegistry.get(source)?.id).toBe('MediaSource');
  });

  it('returns undefined for paths outside the model', () => {
    expect(schemaAtPath(VideoSpecSchema, document, ['nothing', 'here'])).toBeUndefined();
  });
});

describe('chooseUnionMember', () => {
  const union = z.discriminatedUnion('kind', [z.object({ kind: z.literal('a'), n: z.number() }), z.object({ kind: z.literal('b') })]);

  it('prefers the member that accepts the value', () => {
    expect(chooseUnionMember(union._zod.def, { kind: 'b' })).toBe(union.options[1]);
  });

  it('falls back to the discriminator', () => {
    expect(chooseUnionMember(union._zod.def, { kind: 'a', n: 'x' })).toBe(union.options[0]);
  });

  it('gives up on an unknown discriminator', () => {
    expect(chooseUnionMember(union._zod.def, { kind: 'c' })).toBeUndefined();
  });
});

describe('chooseUnionMember on plain unions', () => {
  const forms = z.union([z.enum(['none']), z.object({ each: z.string() }), z.object({ evenly: z.string() }), z.object({ kind: z.literal('x'), gap: z.string() })]);
  const nested = z.union([z.enum(['auto']), z.discriminatedUnion('kind', [z.object({ kind: z.literal('at'), time: z.string() })])]);

  it('picks the object form with the value key', () => {
    expect(chooseUnionMember(forms._zod.def, { evenly: 5 })).toBe(forms.options[2]);
  });

  it('skips forms with another literal tag', () => {
    expect(chooseUnionMember(forms._zod.def, { kind: 'y', gap: 5 })).toBe(forms.options[1]);
  });

  it('follows a nested discriminated union', () => {
    expect(chooseUnionMember(nested._zod.def, { kind: 'at', time: 5 })).toBe(nested.options[1]);
  });

  it('gives up on an object for names only', () => {
    expect(chooseUnionMember(z.union([z.enum(['a']), z.literal('b')])._zod.def, { a: 1 })).toBeUndefined();
  });
});

describe('unwrapSchema', () => {
  it('strips optional and nullable wrappers', () => {
    const inner = z.string();

    expect(unwrapSchema(inner.nullable().optional())).toBe(inner);
  });
});
