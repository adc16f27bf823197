/** Parsing of the editor's text, with the position of a JSON syntax error. */

export type SpecText = { ok: true; spec: unknown } | { ok: false; message: string };

/** Parses `text` as JSON; a syntax error names its line and column when the engine reports a position. */
export function parseSpecText(text: string): SpecText {
  if (text.trim() === '') return { ok: false, message: 'The editor is empty: paste a VideoSpec, load an example or upload a file.' };
  try {
    return { ok: true, spec: JSON.parse(text) as unknown };
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason);
    if (position?.[1] === undefined) return { ok: false, message: `Invalid JSON: ${reason}` };
    const { line, column } = lineAndColumn(text, Number(position[1]));
    return { ok: false, message: `Invalid JSON at line ${line}, column ${column}: ${reason}` };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
