import { describe, expect, it } from 'vitest';
import { printChildren } from './print-test-helpers.js';

describe('text elements in Dart', () => {
  it('prints a plain Text with align and lines', () => {
    const code = printChildren([{ type: 'Text', text: 'Hi', textAlign: 'center', maxLines: 2, style: { fontStyle: 'italic', letterSpacing: 1.5 } }]);
    expect(code).toContain("Text('Hi', style: TextStyle(fontStyle: FontStyle.italic, letterSpacing: 1.5), textAlign: TextAlign.center, maxLines: 2)");
  });

  it('frames a decorated Text', () => {
    const code = printChildren([
      { type: 'Text', text: 'Tag', decoration: { color: '#112233', cornerRadius: 8 }, padding: { horizontal: 12 }, maxWidth: 300 },
    ]);
    expect(code).toContain('ConstrainedBox(');
    expect(code).toContain('constraints: BoxConstraints(maxWidth: 300),');
    expect(code).toContain('Align(');
    expect(code).toContain('widthFactor: 1,');
    expect(code).toContain('decoration: BoxDecoration(color: Color(0xFF112233), borderRadius: BorderRadius.circular(8)),');
    expect(code).toContain('padding: EdgeInsets.symmetric(horizontal: 12, vertical: 0),');
    expect(code).toContain("child: Text('Tag', textWidthBasis: TextWidthBasis.longestLine))");
  });

  it('frames padding alone with defaults', () => {
    const code = printChildren([{ type: 'Text', text: 'P', padding: { vertical: 4 } }]);
    expect(code).toContain('BoxConstraints(maxWidth: double.infinity)');
    expect(code).toContain('decoration: const BoxDecoration()');
    expect(code).toContain('EdgeInsets.symmetric(horizontal: 0, vertical: 4)');
  });

  it('prints SplitText', () => {
    const code = printChildren([{ type: 'SplitText', text: 'One two', by: 'character', style: { fontSize: 40 }, textAlign: 'left', maxLines: 1 }]);
    expect(code).toContain("SplitText('One two', by: TextSplit.character, style: TextStyle(fontSize: 40), textAlign: TextAlign.left, maxLines: 1)");
  });

  it('prints Typewriter', () => {
    const code = printChildren([{ type: 'Typewriter', text: 'typing', speed: '3f', caret: true, style: { color: '#FF00FF' } }]);
    expect(code).toContain("Typewriter('typing', speed: 3.frames, caret: true, style: TextStyle(color: Color(0xFFFF00FF)))");
  });

  it('omits a false caret', () => {
    expect(printChildren([{ type: 'Typewriter', text: 't', caret: false }])).toContain("Typewriter('t')");
  });

  it('prints Markdown with its reveal', () => {
    const code = printChildren([{ type: 'Markdown', source: '# Title\n\n- a $1 item', reveal: '0.5r' }]);
    expect(code).toContain("Markdown('# Title\\n\\n- a \\$1 item', reveal: 0.5.relative)");
  });

  it('prints Counter variants', () => {
    const code = printChildren([
      { type: 'Counter', to: 99.5, from: 10, reveal: '2s', ease: 'out', variant: 'currency', symbol: '€' },
      { type: 'Counter', to: 80, variant: 'percent', symbol: 'ignored' },
      { type: 'Counter', to: 3, ease: { cubic: [0.2, 0, 0, 1] } },
    ]);
    expect(code).toContain("Counter.currency(to: 99.5, symbol: '€', from: 10, reveal: 2.seconds, ease: Ease.out)");
    expect(code).toContain('Counter.percent(to: 80)');
    expect(code).toContain('Counter(to: 3, ease: Cubic(0.2, 0, 0, 1))');
  });
});
