import { describe, expect, it } from 'vitest';
import { buildSnippet, SNIPPET_LEAD, SNIPPET_LENGTH } from '../../../src/server/docs/snippet.js';

describe('buildSnippet', () => {
  it('returns a short body whole, with whitespace collapsed', () => {
    expect(buildSnippet('# Title\n\n  Some   text\there.\n', ['text'])).toBe('# Title Some text here.');
  });

  it('starts the window before the first hit', () => {
    const body = `${'a'.repeat(500)} needle ${'b'.repeat(500)}`;
    const snippet = buildSnippet(body, ['needle']);
    const hit = body.indexOf('needle');
    expect(snippet).toBe(`…${body.slice(hit - SNIPPET_LEAD, hit - SNIPPET_LEAD + SNIPPET_LENGTH)}…`);
    expect(snippet.slice(1, -1)).toHaveLength(SNIPPET_LENGTH);
  });

  it('uses the earliest hit of any query word', () => {
    const body = `${'x '.repeat(100)}second ${'y '.repeat(100)}first`;
    expect(buildSnippet(body, ['first', 'second'])).toContain('second');
  });

  it('starts at 0 when no word occurs', () => {
    const body = 'word '.repeat(100);
    expect(buildSnippet(body, ['absent'])).toBe(`${body.slice(0, SNIPPET_LENGTH)}…`);
  });

  it('adds no prefix for a hit near the start', () => {
    const body = `intro needle ${'z'.repeat(400)}`;
    expect(buildSnippet(body, ['needle']).startsWith('intro needle')).toBe(true);
  });

  it('matches query words case-insensitively', () => {
    const body = `${'q'.repeat(300)} Transparent WebM`;
    expect(buildSnippet(body, ['webm'])).toContain('Transparent WebM');
  });
});
