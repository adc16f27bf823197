/**
 * Splits a byte stream into text lines. ffmpeg ends its progress lines with `\r` and everything else
 * with `\n`, so both count as line ends.
 */

/** Maximum line length passed on, in characters. Longer lines are passed on in pieces of this size, so a stream without line breaks stays bounded. */
export const MAX_LINE_CHARS = 4096;

export interface LineSplitter {
  push(chunk: Uint8Array | string): void;
  /** Emits the last unterminated line, if any. */
  flush(): void;
}

/** Creates a splitter that calls `onLine` once per non-empty line (or line piece), without the line end. */
export function createLineSplitter(onLine: (line: string) => void, maxLineChars: number = MAX_LINE_CHARS): LineSplitter {
  const decoder = new TextDecoder('utf-8');
  let pending = '';

  const emit = (line: string): void => {
    for (let start = 0; start < line.length; start += maxLineChars) onLine(line.slice(start, start + maxLineChars));
  };

  return {
    push(chunk) {
      pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });

      const parts = pending.split(/\r\n|\r|\n/);
      pending = parts.pop() ?? '';
      for (const part of parts) emit(part);

      if (pending.length > maxLineChars) {
        const whole = pending.length - (pending.length % maxLineChars);
        emit(pending.slice(0, whole));
        pending = pending.slice(whole);
      }
    },

    flush() {
      pending += decoder.decode();
      emit(pending);
      pending = '';
    },
  };
}
