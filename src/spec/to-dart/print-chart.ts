/**
 * Dart for `Chart.<variant>(...)`. Each variant reads one data shape, as Fluvie's chart factories do.
 * Bar, pie and donut read `data`, line and area read `data` or `series`, and scatter reads exactly
 * one of `points`, `data` or a single `series`. Props a variant does not read (such as `stagger` on
 * a pie) are left out, because Fluvie's spec builder ignores them too.
 */
import type { ChartElement } from '../schema/types.js';
import { call, list, named, positional, raw, type DartArg, type DartExpr } from './dart-expr.js';
import { dartColor, dartNumber, dartString, dartTime, textOf } from './dart-literals.js';
import { DartPrintError } from './dart-print-error.js';
import { printStagger } from './print-motion.js';

export const CHART_PROPS: ReadonlySet<string> = new Set(['variant', 'data', 'series', 'points', 'reveal', 'stagger', 'innerRadius']);

export function printChart(chart: ChartElement, path: string): DartExpr {
  const reveal = chart.reveal === undefined ? null : named('reveal', dartTime(chart.reveal, `${path}.reveal`));
  const stagger = chart.stagger === undefined ? null : named('stagger', printStagger(chart.stagger, `${path}.stagger`));
  const reject = (shapes: ReadonlyArray<'data' | 'series' | 'points'>): void => {
    const found = shapes.find((shape) => chart[shape] !== undefined);
    if (found !== undefined) throw new DartPrintError(`${path}.${found}`, `a ${chart.variant} chart does not read "${found}"`);
  };
  const data = (): DartArg => {
    if (chart.data === undefined) throw new DartPrintError(`${path}.data`, `a ${chart.variant} chart needs "data"`);
    return named('data', dataMap(chart.data, `${path}.data`)) as DartArg;
  };
  const seriesList = (): DartExpr => list((chart.series ?? []).map((series, index) => printSeries(series, `${path}.series[${index}]`)));

  switch (chart.variant) {
    case 'bar':
      reject(['series', 'points']);
      return call('Chart.bar', [data(), reveal, stagger]);
    case 'pie':
      reject(['series', 'points']);
      return call('Chart.pie', [data(), reveal]);
    case 'donut':
      reject(['series', 'points']);
      return call('Chart.donut', [data(), reveal, chart.innerRadius === undefined ? null : named('innerRadius', dartNumber(chart.innerRadius, `${path}.innerRadius`))]);
    case 'line':
    case 'area':
      reject(['points']);
      if ((chart.data === undefined) === (chart.series === undefined)) throw new DartPrintError(path, `a ${chart.variant} chart needs exactly one of "data" and "series"`);
      if (chart.data !== undefined) return call(`Chart.${chart.variant}`, [data(), reveal]);
      return call('series', [positional(seriesList()), reveal], raw(`Chart.${chart.variant}`));
    case 'scatter':
      return printScatter(chart, reveal, stagger, path);
  }
}

function printScatter(chart: ChartElement, reveal: DartArg | null, stagger: DartArg | null, path: string): DartExpr {
  const shapes = (['points', 'data', 'series'] as const).filter((shape) => chart[shape] !== undefined);
  if (shapes.length !== 1) throw new DartPrintError(path, 'a scatter chart needs exactly one of "points", "data" and "series"');
  if (chart.points !== undefined) return call('Chart.scatter', [named('points', list(chart.points.map((point, index) => printPoint(point, `${path}.points[${index}]`)))), reveal, stagger]);
  if (chart.data !== undefined) return call('Chart.scatter', [named('data', dataMap(chart.data, `${path}.data`)), reveal, stagger]);
  const series = chart.series ?? [];
  const [single] = series;
  if (series.length !== 1 || single === undefined) throw new DartPrintError(`${path}.series`, 'a scatter chart takes exactly one series');
  return call('series', [positional(printSeries(single, `${path}.series[0]`)), reveal, stagger], raw('Chart.scatter'));
}

/** Prints a `{'label': value, ...}` map literal in the document's key order. */
function dataMap(data: Readonly<Record<string, number>>, path: string): DartExpr {
  const entries = Object.entries(data).map(([label, value]) => `${textOf(dartString(label))}: ${textOf(dartNumber(value, `${path}.${label}`))}`);
  return raw(`{${entries.join(', ')}}`);
}

function printSeries(series: NonNullable<ChartElement['series']>[number], path: string): DartExpr {
  return call('ChartSeries.values', [
    named('name', dartString(series.name)),
    named('data', dataMap(series.data, `${path}.data`)),
    series.color === undefined ? null : named('color', dartColor(series.color, `${path}.color`)),
  ]);
}

function printPoint(point: NonNullable<ChartElement['points']>[number], path: string): DartExpr {
  return call('ChartPoint', [
    named('x', dartNumber(point.x, `${path}.x`)),
    named('y', dartNumber(point.y, `${path}.y`)),
    point.label === undefined ? null : named('label', dartString(point.label)),
  ]);
}
