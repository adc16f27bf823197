/**
 * Checks the structure of printed Dart, because no Dart SDK is installed here. It skips string
 * literals (with escapes) and comments, and checks that every bracket closes in order and that no
 * string is left open. It also checks that no comma stands alone (`(,`, `,,`, `[,`) and that no
 * string contains an unescaped `$`, which would start an interpolation.
 * Returns the problems found, or an empty list.
 */
export function dartSyntaxProblems(source: string): string[] {
  const problems: string[] = [];
  const stack: Array<{ char: string; at: number }> = [];
  const pairs: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };
  let previous = '';
  let index = 0;

  while (index < source.length) {
    const char = source[index] ?? '';
    const next = source[index + 1] ?? '';

    if (char === '/' && next === '/') {
      const end = source.indexOf('\n', index);
      index = end === -1 ? source.length : end;
      continue;
    }
    if (char === '/' && next === '*') {
      const end = source.indexOf('*/', index + 2);
      if (end === -1) return [...problems, `block comment opened at ${index} is not closed`];
      index = end + 2;
      continue;
    }
    if (char === "'" || char === '"') {
      const end = stringEnd(source, index, char, problems);
      if (end === -1) return [...problems, `string opened at ${index} is not closed`];
      index = end + 1;
      previous = 'string';
      continue;
    }

    if (char === '(' || char === '[' || char === '{') stack.push({ char, at: index });
    if (char === ')' || char === ']' || char === '}') {
      const open = stack.pop();
      if (open === undefined || open.char !== pairs[char]) problems.push(`"${char}" at ${index} closes "${open?.char ?? 'nothing'}"`);
    }
    if (char === ',' && (previous === ',' || previous === '(' || previous === '[' || previous === '{')) problems.push(`comma at ${index} follows "${previous}"`);
    if (!/\s/.test(char)) previous = char;
    index += 1;
  }

  for (const open of stack) problems.push(`"${open.char}" at ${open.at} is not closed`);
  return problems;
}

/** Returns the index of the quote that ends the string starting at `start`, or -1. */
function stringEnd(source: string, start: number, quote: string, problems: string[]): number {
  let index = start + 1;
  while (index < source.length) {
    const char = source[index];
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (char === '\n') return -1;
    if (char === '$') problems.push(`unescaped "$" at ${index} starts an interpolation`);
    if (char === quote) return index;
    index += 1;
  }
  return -1;
}
