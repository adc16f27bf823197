import { describe, expect, it } from 'vitest';
import { printChildren, printError } from './print-test-helpers.js';

const scene = (children: unknown[]) => ({ scenes: [{ duration: '1s', children }] });

describe('Chart in Dart', () => {
  it('prints bar, pie and donut data', () => {
    const code = printChildren([
      { type: 'Chart', variant: 'bar', data: { Jan: 3, "Feb's": 4.5 }, reveal: '1s', stagger: { each: '3f' } },
      { type: 'Chart', variant: 'pie', data: { a: 1 }, stagger: { each: '3f' } },
      { type: 'Chart', variant: 'donut', data: { a: 1, b: 2 }, innerRadius: 0.4 },
    ]);
    expect(code).toContain("Chart.bar(data: {'Jan': 3, 'Feb\\'s': 4.5}, reveal: 1.seconds, stagger: Stagger.each(3.frames))");
    expect(code).toContain("Chart.pie(data: {'a': 1})");
    expect(code).toContain("Chart.donut(data: {'a': 1, 'b': 2}, innerRadius: 0.4)");
  });

  it('prints line data and area series', () => {
    const code = printChildren([
      { type: 'Chart', variant: 'line', data: { q1: 1, q2: 2 } },
      { type: 'Chart', variant: 'area', series: [{ name: 'A', color: '#FF0000', data: { x: 1 } }, { name: 'B', data: { x: 2 } }], reveal: '0.5r' },
    ]);
    expect(code).toContain("Chart.line(data: {'q1': 1, 'q2': 2})");
    expect(code).toContain(
      "Chart.area.series([ChartSeries.values(name: 'A', data: {'x': 1}, color: Color(0xFFFF0000)), ChartSeries.values(name: 'B', data: {'x': 2})], reveal: 0.5.relative)",
    );
  });

  it('prints scatter points and a single series', () => {
    const code = printChildren([
      { type: 'Chart', variant: 'scatter', points: [{ x: 1, y: 2, label: 'p' }, { x: -1, y: 0.5 }] },
      { type: 'Chart', variant: 'scatter', series: [{ name: 'S', data: { a: 1 } }], stagger: { from: 'center' } },
    ]);
    expect(code).toContain("Chart.scatter(points: [ChartPoint(x: 1, y: 2, label: 'p'), ChartPoint(x: -1, y: 0.5)])");
    expect(code).toContain("Chart.scatter.series(ChartSeries.values(name: 'S', data: {'a': 1}), stagger: Stagger.from(StaggerOrigin.center))");
  });

  it('rejects shapes a variant cannot read', () => {
    expect(printError(scene([{ type: 'Chart', variant: 'bar', series: [{ name: 'A', data: { a: 1 } }] }]))).toBe(
      'Cannot print scenes[0].children[0].series as Dart: a bar chart does not read "series".',
    );
    expect(printError(scene([{ type: 'Chart', variant: 'pie' }]))).toContain('a pie chart needs "data"');
    expect(printError(scene([{ type: 'Chart', variant: 'line', data: { a: 1 }, series: [{ name: 'A', data: { a: 1 } }] }]))).toContain(
      'a line chart needs exactly one of "data" and "series"',
    );
    expect(printError(scene([{ type: 'Chart', variant: 'scatter', series: [{ name: 'A', data: { a: 1 } }, { name: 'B', data: { b: 1 } }] }]))).toContain(
      'a scatter chart takes exactly one series',
    );
  });
});
