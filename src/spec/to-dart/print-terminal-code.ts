/** Dart for `Terminal` and `Code` (or `Code.diff`), with the argument rules of Fluvie's spec builder. */
import type { CodeElement, ElementSpec, TerminalElement } from '../schema/types.js';
import { call, list, named, positional, raw, type DartExpr } from './dart-expr.js';
import { dartNumber, dartString, dartTime, textOf } from './dart-literals.js';
import { DartPrintError } from './dart-print-error.js';
import { printTextStyle } from './print-styles.js';

/** The type-specific keys these printers read, per element type. */
export const TERMINAL_CODE_PROPS: Readonly<Record<string, ReadonlySet<string>>> = {
  Terminal: new Set(['lines', 'prompt', 'chrome', 'typingSpeed', 'lineGap', 'style']),
  Code: new Set(['source', 'after', 'language', 'theme', 'reveal', 'focusLines', 'highlightLines', 'style']),
};

/** Prints one of the element types above, or returns null for any other type. */
export function printTerminalOrCode(element: ElementSpec, path: string): DartExpr | null {
  if (element.type === 'Terminal') return printTerminal(element, path);
  if (element.type === 'Code') return printCode(element, path);
  return null;
}

function printTerminal(element: TerminalElement, path: string): DartExpr {
  if (element.lines.length === 0) throw new DartPrintError(`${path}.lines`, 'a Terminal needs at least one line');
  return call('Terminal', [
    named('lines', list(element.lines.flatMap((line, index) => printTerminalLine(line, `${path}.lines[${index}]`)))),
    element.prompt === undefined ? null : named('prompt', dartString(element.prompt)),
    named('chrome', printChrome(element.chrome)),
    element.typingSpeed === undefined ? null : named('typingSpeed', dartTime(element.typingSpeed, `${path}.typingSpeed`)),
    element.lineGap === undefined ? null : named('lineGap', dartTime(element.lineGap, `${path}.lineGap`)),
    element.style === undefined ? null : named('style', printTextStyle(element.style, `${path}.style`)),
  ]);
}

/**
 * Prints a line as `TerminalLine.cmd(...)`, `TerminalLine.out(...)`, or both. Fluvie's terminal line
 * is either a command or its output, so a spec line with both prints as a command line followed
 * by an output line.
 */
function printTerminalLine(line: TerminalElement['lines'][number], path: string): DartExpr[] {
  if (line.cmd === undefined && line.out === undefined) throw new DartPrintError(path, 'a terminal line needs "cmd" or "out"');
  if (line.cmd === undefined && line.prompt !== undefined) throw new DartPrintError(`${path}.prompt`, 'only a line with "cmd" takes a "prompt"');
  const lines: DartExpr[] = [];
  if (line.cmd !== undefined) {
    lines.push(call('TerminalLine.cmd', [positional(dartString(line.cmd)), line.prompt === undefined ? null : named('prompt', dartString(line.prompt))]));
  }
  // NOTE: the native engine shows a line's output as soon as its command is typed. Whether Fluvie
  // waits `lineGap` before the separate output line is not checked against Fluvie's Terminal.
  if (line.out !== undefined) lines.push(call('TerminalLine.out', [positional(dartString(line.out))]));
  return lines;
}

/** `TerminalChrome(...)` for `true` or `{title, showDots}`; `false` or no chrome prints nothing (no window chrome). */
function printChrome(chrome: TerminalElement['chrome']): DartExpr | undefined {
  if (chrome === undefined || chrome === false) return undefined;
  if (chrome === true) return call('TerminalChrome', []);
  return call('TerminalChrome', [
    chrome.title === undefined ? null : named('title', dartString(chrome.title)),
    (chrome.showDots ?? chrome.dots) === undefined ? null : named('showDots', raw(String(chrome.showDots ?? chrome.dots))),
  ]);
}

function printCode(element: CodeElement, path: string): DartExpr {
  const shared = [
    element.language === undefined ? null : named('language', dartString(element.language)),
    element.theme === undefined ? null : named('theme', raw(`CodeTheme.${element.theme}()`)),
    element.reveal === undefined ? null : named('reveal', printCodeReveal(element.reveal, `${path}.reveal`)),
    element.style === undefined ? null : named('style', printTextStyle(element.style, `${path}.style`)),
  ];
  const source = positional(dartString(element.source));
  if (element.after !== undefined) {
    const lines = (['focusLines', 'highlightLines'] as const).find((key) => element[key] !== undefined);
    if (lines !== undefined) throw new DartPrintError(`${path}.${lines}`, `a Code diff (with "after") takes no "${lines}"`);
    return call('Code.diff', [source, positional(dartString(element.after)), ...shared]);
  }
  return call('Code', [
    source,
    ...shared,
    element.focusLines === undefined ? null : named('focusLines', lineSet(element.focusLines, `${path}.focusLines`)),
    element.highlightLines === undefined ? null : named('highlightLines', lineSet(element.highlightLines, `${path}.highlightLines`)),
  ]);
}

/** `CodeReveal.instant`, `CodeReveal.typing(speed)` or `CodeReveal.lineByLine(perLine)`. */
function printCodeReveal(reveal: NonNullable<CodeElement['reveal']>, path: string): DartExpr {
  if (reveal === 'instant' || reveal.kind === 'instant') return raw('CodeReveal.instant');
  if (reveal.kind === 'typing') {
    if (reveal.speed === undefined) throw new DartPrintError(`${path}.speed`, 'a typing reveal needs "speed", the time per glyph');
    return call('CodeReveal.typing', [positional(dartTime(reveal.speed, `${path}.speed`))]);
  }
  if (reveal.perLine === undefined) throw new DartPrintError(`${path}.perLine`, 'a lineByLine reveal needs "perLine", the time per line');
  return call('CodeReveal.lineByLine', [positional(dartTime(reveal.perLine, `${path}.perLine`))]);
}

/** Prints a `Set<int>` literal. The empty set is typed, because Dart reads a bare `{}` as a map. */
function lineSet(lines: readonly number[], path: string): DartExpr {
  if (lines.length === 0) return raw('<int>{}');
  return raw(`{${lines.map((line, index) => textOf(dartNumber(line, `${path}[${index}]`))).join(', ')}}`);
}
