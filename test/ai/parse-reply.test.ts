import { describe, expect, it } from 'vitest';
import { checkReply, stripCodeFence } from '../../src/ai/parse-reply.js';
import { VALID_REPLY } from '../fixtures/ai/authored-specs.js';

describe('stripCodeFence', () => {
  it('removes fences with and without a language', () => {
    expect(stripCodeFence('```json\n{"a":1}\n```')).toBe('{"a":1}');
    expect(stripCodeFence('  ```\n{"a":1}\n```\n')).toBe('{"a":1}');
    expect(stripCodeFence('```JSON\r\n{"a":1}\r\n```')).toBe('{"a":1}');
  });

  it('leaves unfenced text alone', () => {
    expect(stripCodeFence(' {"a":"```"} ')).toBe('{"a":"```"}');
  });
});

describe('checkReply', () => {
  it('accepts a valid spec', () => {
    const check = checkReply(VALID_REPLY, undefined);
    expect(check.ok).toBe(true);
  });

  it('rejects a JSON array', () => {
    const check = checkReply('[1, 2]', undefined);
    expect(check).toMatchObject({ ok: false, problems: ['expected one JSON object (the VideoSpec), got an array'] });
  });

  it('rejects prose around the JSON', () => {
    const check = checkReply(`Here is your spec: ${VALID_REPLY}`, undefined);
    expect(check.ok).toBe(false);
    expect(check.ok ? [] : check.problems[0]).toMatch(/^invalid JSON at line 1, column 1: /);
  });

  it('applies the size rules of the format', () => {
    const odd = VALID_REPLY.replace('"width":320', '"width":321');
    expect(checkReply(odd, 'gif').ok).toBe(true);
    const check = checkReply(odd, 'mp4');
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.problems.join('\n')).toContain('size');
  });
});
