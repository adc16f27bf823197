/**
 * Incremental parser of a `text/event-stream` body, following the WHATWG server-sent events rules:
 * lines end in CRLF, LF or CR, a blank line dispatches the event, `:` starts a comment, and one space
 * after a field's colon is dropped. Works on decoded text chunks of any size.
 */

/** `id` is the stream's last event ID when the event is dispatched, left out while none was set. */
export type SseItem = { type: 'event'; event: string; data: string; id?: string } | { type: 'comment'; text: string };

export class SseParser {
  #buffer = '';
  #event = '';
  #data: string[] = [];
  #lastEventId = '';

  /** Feeds the next chunk of text and returns the events and comments it completed. */
  push(chunk: string): SseItem[] {
    this.#buffer += chunk;
    const items: SseItem[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.#buffer);
      if (match === null) break;
      // A CR at the very end may be the first half of a CRLF split across two chunks.
      if (match[0] === '\r' && match.index === this.#buffer.length - 1) break;

      const line = this.#buffer.slice(0, match.index);
      this.#buffer = this.#buffer.slice(match.index + match[0].length);
      const item = this.#takeLine(line);
      if (item !== null) items.push(item);
    }
    return items;
  }

  #takeLine(line: string): SseItem | null {
    if (line === '') return this.#dispatch();
    if (line.startsWith(':')) return { type: 'comment', text: line.slice(1).trimStart() };

    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);

    if (field === 'event') this.#event = value;
    else if (field === 'data') this.#data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.#lastEventId = value;
    return null;
  }

  #dispatch(): SseItem | null {
    const event = this.#event === '' ? 'message' : this.#event;
    const data = this.#data;
    this.#event = '';
    this.#data = [];
    if (data.length === 0) return null;
    const item: SseItem = { type: 'event', event, data: data.join('\n') };
    if (this.#lastEventId !== '') item.id = this.#lastEventId;
    return item;
  }
}
