import { describe, expect, it } from 'vitest';
import { printChildren, printError } from './print-test-helpers.js';

const scene = (children: unknown[]) => ({ scenes: [{ duration: '1s', children }] });

describe('Terminal and Code in Dart', () => {
  it('prints a Terminal session', () => {
    const code = printChildren([
      {
        type: 'Terminal',
        lines: [{ cmd: 'npm test', prompt: '% ' }, { out: 'ok' }],
        prompt: '$ ',
        chrome: { title: 'zsh', dots: false },
        typingSpeed: '1f',
        lineGap: '10f',
      },
    ]);
    expect(code).toContain("lines: [TerminalLine.cmd('npm test', prompt: '% '), TerminalLine.out('ok')],");
    expect(code).toContain("prompt: '\\$ ',");
    expect(code).toContain("chrome: TerminalChrome(title: 'zsh', showDots: false),");
    expect(code).toContain('typingSpeed: 1.frames,');
    expect(code).toContain('lineGap: 10.frames)');
  });

  it("prints Fluvie's showDots key", () => {
    expect(printChildren([{ type: 'Terminal', lines: [{ out: 'a' }], chrome: { showDots: false } }])).toContain('chrome: TerminalChrome(showDots: false)');
  });

  it('prints chrome true and drops chrome false', () => {
    expect(printChildren([{ type: 'Terminal', lines: [{ out: 'a' }], chrome: true }])).toContain("Terminal(lines: [TerminalLine.out('a')], chrome: TerminalChrome())");
    expect(printChildren([{ type: 'Terminal', lines: [{ out: 'a' }], chrome: false }])).toContain("Terminal(lines: [TerminalLine.out('a')])");
  });

  it('splits a line with cmd and out', () => {
    const code = printChildren([{ type: 'Terminal', lines: [{ cmd: 'ls', out: 'a.txt' }] }]);
    expect(code).toContain("Terminal(lines: [TerminalLine.cmd('ls'), TerminalLine.out('a.txt')])");
  });

  it('rejects a line without cmd or out', () => {
    expect(printError(scene([{ type: 'Terminal', lines: [{ out: 'a' }, { prompt: '> ' }] }]))).toBe(
      'Cannot print scenes[0].children[0].lines[1] as Dart: a terminal line needs "cmd" or "out".',
    );
    expect(printError(scene([{ type: 'Terminal', lines: [{ out: 'a', prompt: '> ' }] }]))).toContain('lines[0].prompt as Dart: only a line with "cmd" takes a "prompt"');
  });

  it('prints Code with lines and reveal', () => {
    const code = printChildren([
      { type: 'Code', source: "print('hi');", language: 'dart', theme: 'light', reveal: { kind: 'typing', speed: '2f' }, focusLines: [1], highlightLines: [] },
    ]);
    expect(code).toContain("'print(\\'hi\\');',");
    expect(code).toContain("language: 'dart',");
    expect(code).toContain('theme: CodeTheme.light(),');
    expect(code).toContain('reveal: CodeReveal.typing(2.frames),');
    expect(code).toContain('focusLines: {1},');
    expect(code).toContain('highlightLines: <int>{})');
  });

  it('prints a Code diff', () => {
    const code = printChildren([{ type: 'Code', source: 'a', after: 'b', reveal: { kind: 'lineByLine', perLine: '4f' } }]);
    expect(code).toContain("Code.diff('a', 'b', reveal: CodeReveal.lineByLine(4.frames))");
  });

  it('prints the instant reveal forms', () => {
    expect(printChildren([{ type: 'Code', source: 'x', reveal: 'instant' }])).toContain("Code('x', reveal: CodeReveal.instant)");
    expect(printChildren([{ type: 'Code', source: 'x', reveal: { kind: 'instant' } }])).toContain("Code('x', reveal: CodeReveal.instant)");
  });

  it('rejects a typing reveal without speed', () => {
    expect(printError(scene([{ type: 'Code', source: 'x', reveal: { kind: 'typing' } }]))).toContain('children[0].reveal.speed as Dart: a typing reveal needs "speed"');
  });

  it('rejects focus lines on a diff', () => {
    expect(printError(scene([{ type: 'Code', source: 'x', after: 'y', focusLines: [1] }]))).toContain('a Code diff (with "after") takes no "focusLines"');
  });
});
