/**
 * Reads a server-sent events response delivered by `fetch`. `EventSource` cannot send an
 * `Authorization` header, so the console fetches the stream itself to keep the token out of the URL.
 */
import { SseParser, type SseItem } from './sse-parser.js';

/** Calls `onEvent` for each event of `response`'s body until the server ends the stream. */
export async function readEventStream(response: Response, onEvent: (event: string, data: string) => void): Promise<void> {
  await readSseItems(response, (item) => {
    if (item.type === 'event') onEvent(item.event, item.data);
  });
}

/** Calls `onItem` for each event and comment of `response`'s body until the stream ends. */
export async function readSseItems(response: Response, onItem: (item: SseItem) => void): Promise<void> {
  if (response.body === null) return;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      for (const item of parser.push(text)) onItem(item);
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}
