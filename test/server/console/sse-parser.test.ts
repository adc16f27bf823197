import { describe, expect, it } from 'vitest';
import { SseParser } from '../../../web/console/sse-parser.js';

describe('SseParser', () => {
  it('parses events and comments', () => {
    const parser = new SseParser();
    expect(parser.push('event: progress\ndata: {"completed":1}\n\n: heartbeat\n\n')).toEqual([
      { type: 'event', event: 'progress', data: '{"completed":1}' },
      { type: 'comment', text: 'heartbeat' },
    ]);
  });

  it('joins data lines and defaults the event name', () => {
    const parser = new SseParser();
    expect(parser.push('data: a\ndata:b\n\n')).toEqual([{ type: 'event', event: 'message', data: 'a\nb' }]);
  });

  it('handles chunks split anywhere', () => {
    const text = 'event: succeeded\r\ndata: {"id":"rnd_x"}\r\n\r\nevent: x\rdata: y\r\r\n';
    for (let split = 0; split <= text.length; split++) {
      const parser = new SseParser();
      const items = [...parser.push(text.slice(0, split)), ...parser.push(text.slice(split))];
      expect(items).toEqual([
        { type: 'event', event: 'succeeded', data: '{"id":"rnd_x"}' },
        { type: 'event', event: 'x', data: 'y' },
      ]);
    }
  });

  it('drops events without data and unknown fields', () => {
    const parser = new SseParser();
    expect(parser.push('event: empty\n\nretry: 10\nevent: real\ndata\n\n')).toEqual([{ type: 'event', event: 'real', data: '' }]);
  });

  it('keeps the last event id for later events', () => {
    const parser = new SseParser();
    expect(parser.push('id: running:1/4:n\nevent: progress\ndata: 1\n\nevent: progress\ndata: 2\n\nid: bad\0id\ndata: 3\n\n')).toEqual([
      { type: 'event', event: 'progress', data: '1', id: 'running:1/4:n' },
      { type: 'event', event: 'progress', data: '2', id: 'running:1/4:n' },
      { type: 'event', event: 'message', data: '3', id: 'running:1/4:n' },
    ]);
  });

  it('waits for the blank line', () => {
    const parser = new SseParser();
    expect(parser.push('event: progress\ndata: 1\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ type: 'event', event: 'progress', data: '1' }]);
  });
});
