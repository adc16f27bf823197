import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { videoSpecJsonSchema } from '../../src/spec/json-schema.js';
import { readReferenceSpec, REFERENCE_SPEC_FILES } from './reference-specs.js';

const schema = videoSpecJsonSchema();
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

describe('videoSpecJsonSchema', () => {
  it('is draft 2020-12 with an id and title', () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe('urn:fluvie-render:schema:video-spec:1');
    expect(schema['title']).toContain('VideoSpec');
  });

  it('defines every element type', () => {
    const defs = Object.keys(schema['$defs'] as object);

    expect(defs).toEqual(expect.arrayContaining(['VideoSpec', 'Scene', 'Element', 'TextElement', 'GroupElement', 'Animation', 'Trigger', 'Transition', 'AudioTrack', 'Effect']));
  });

  it.each(REFERENCE_SPEC_FILES)('accepts %s', (name) => {
    const valid = validate(readReferenceSpec(name));

    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each([
    ['no scenes', { scenes: [] }],
    ['bad time', { scenes: [{ duration: '2 sec' }] }],
    ['bad colour', { scenes: [{ duration: '1s', background: { kind: 'color', color: 'red' } }] }],
    ['unknown element type', { scenes: [{ duration: '1s', children: [{ type: 'Txt' }] }] }],
    ['fps out of range', { fps: 121, scenes: [{ duration: '1s' }] }],
  ])('rejects %s', (_name, document) => {
    expect(validate(document)).toBe(false);
  });
});
