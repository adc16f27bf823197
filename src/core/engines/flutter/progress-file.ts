/**
 * The harness rewrites the progress file with `<completed>/<total>` after every frame. A reader can
 * see the file mid-rewrite (empty, or a prefix of the new text), so parsing never throws.
 */

export interface CaptureProgress {
  readonly completed: number;
  readonly total: number;
}

const PROGRESS_PATTERN = /^\s*(\d+)\s*\/\s*(\d+)\s*$/;

/** Parses progress file text, or returns null for a torn, empty or inconsistent read. */
export function parseProgressText(text: string): CaptureProgress | null {
  const match = PROGRESS_PATTERN.exec(text);
  if (match === null) return null;

  const completed = Number(match[1]);
  const total = Number(match[2]);
  if (!Number.isSafeInteger(completed) || !Number.isSafeInteger(total)) return null;
  if (total <= 0 || completed > total) return null;
  return { completed, total };
}
