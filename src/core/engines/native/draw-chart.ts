/**
 * `Chart`: bar, pie, donut, line, area and scatter, filling the box, revealed over `reveal`
 * (default 0.6r of the element scope). Colours cycle through Fluvie's palette; axes are
 * `#9E9E9E`, gridlines `#33FFFFFF`. Bars and pie segments grow with the `out` ease. Lines are
 * trimmed linearly to progress × length, and areas fill under that trimmed line with no outline.
 * Scatter markers grow with `elastic`. The chart's own `stagger` shifts each bar's or marker's
 * reveal by its offset.
 */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import type { ChartElement } from '../../../spec/index.js';
import { easeFor } from '../../motion/ease.js';
import { resolveStagger, staggerOffset } from '../../pipeline/plan-stagger.js';
import type { DrawnEnv, DrawnParts } from './build-drawn.js';
import { chartLabelStyle, drawCategoryLabels, labelBand, niceCeil, type ChartLabels } from './chart-axes.js';
import { clockFrames, elapsedFrames, revealProgress, type ElementClock } from './element-drawer.js';
import type { BoxConstraints, Size } from './layout.js';
import { cssColor } from './style.js';

export const CHART_PALETTE = ['#6C5CE7', '#00B894', '#E17055', '#FDCB6E', '#0984E3', '#E84393'];
const AXIS_COLOR = '#9E9E9E';
const GRID_COLOR = 'rgba(255,255,255,0.2)';
const PLOT_INSET = 8;
const BAND_PADDING = 0.3;
const LINE_WIDTH = 2.5;
const AREA_FILL_OPACITY = 0.55;

interface Series {
  color: string;
  values: number[];
}

const easeOut = easeFor('out');
const elastic = easeFor('elastic');

export function createChartDrawer(env: DrawnEnv): DrawnParts {
  const element = env.planned.element as ChartElement;
  const clock = env.clock;
  const stagger = element.stagger === undefined ? null : resolveStagger(element.stagger, clock.fps, clock.scope.end - clock.scope.start);
  const labels = chartLabelStyle(env.context, `${env.planned.path}.labels`);
  return { drawer: new ChartDrawer(element, clock, clockFrames(clock, element.reveal ?? '0.6r'), stagger, labels), children: [] };
}

class ChartDrawer {
  private elapsed = 0;
  private readonly categories: string[];
  private readonly series: Series[];

  constructor(
    private readonly element: ChartElement,
    private readonly clock: ElementClock,
    private readonly revealFrames: number,
    private readonly stagger: ReturnType<typeof resolveStagger> | null,
    private readonly labels: ChartLabels,
  ) {
    const data = element.data ?? {};
    this.categories = element.series !== undefined && element.series.length > 0 ? Object.keys(element.series[0]!.data) : Object.keys(data);
    this.series =
      element.series !== undefined && element.series.length > 0
        ? element.series.map((series, index) => ({
            color: series.color === undefined ? CHART_PALETTE[index % CHART_PALETTE.length]! : cssColor(series.color),
            values: this.categories.map((key) => series.data[key] ?? 0),
          }))
        : [{ color: CHART_PALETTE[0]!, values: this.categories.map((key) => data[key] ?? 0) }];
  }

  measure(constraints: BoxConstraints): Size {
    return { width: constraints.maxWidth, height: constraints.maxHeight };
  }

  update(frame: number): number {
    this.elapsed = Math.min(Math.max(elapsedFrames(this.clock, frame), -1), this.revealFrames + this.maxOffset() + 1);
    return this.elapsed;
  }

  paint(ctx: SKRSContext2D, size: Size, alpha: number): void {
    ctx.globalAlpha = alpha;
    switch (this.element.variant) {
      case 'pie':
      case 'donut':
        this.paintPie(ctx, size, this.element.variant === 'donut' ? (this.element.innerRadius ?? 0.6) : 0);
        return;
      case 'scatter':
        this.paintScatter(ctx, size);
        return;
      default:
        this.paintCartesian(ctx, size);
    }
  }

  private progressAt(index: number, count: number): number {
    const offset = this.stagger === null ? 0 : staggerOffset(this.stagger, index, count);
    return revealProgress(this.elapsed - offset, this.revealFrames);
  }

  private maxOffset(): number {
    const count = Math.max(this.categories.length, this.element.points?.length ?? 0);
    if (this.stagger === null || count === 0) return 0;
    let max = 0;
    for (let i = 0; i < count; i += 1) max = Math.max(max, staggerOffset(this.stagger, i, count));
    return max;
  }

  private plotRect(size: Size, labelled: boolean): { x: number; y: number; width: number; height: number } {
    const band = labelled ? labelBand(this.labels) : 0;
    return { x: PLOT_INSET, y: PLOT_INSET, width: size.width - 2 * PLOT_INSET, height: size.height - 2 * PLOT_INSET - band };
  }

  private paintGrid(ctx: SKRSContext2D, plot: { x: number; y: number; width: number; height: number }): void {
    ctx.strokeStyle = GRID_COLOR;
    ctx.lineWidth = 1;
    for (let i = 0; i < 5; i += 1) {
      const y = plot.y + (plot.height * i) / 4;
      ctx.beginPath();
      ctx.moveTo(plot.x, y);
      ctx.lineTo(plot.x + plot.width, y);
      ctx.stroke();
    }
    ctx.strokeStyle = AXIS_COLOR;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(plot.x, plot.y + plot.height);
    ctx.lineTo(plot.x + plot.width, plot.y + plot.height);
    ctx.stroke();
  }

  private paintCartesian(ctx: SKRSContext2D, size: Size): void {
    const count = this.categories.length;
    if (count === 0) return;
    const plot = this.plotRect(size, true);
    const top = niceCeil(Math.max(0, ...this.series.flatMap((series) => series.values)));
    this.paintGrid(ctx, plot);
    const band = plot.width / count;
    const centers = this.categories.map((_, index) => plot.x + band * (index + 0.5));
    const yOf = (value: number): number => plot.y + plot.height - (Math.max(value, 0) / top) * plot.height;

    if (this.element.variant === 'bar') {
      const groupWidth = band * (1 - BAND_PADDING);
      const barWidth = groupWidth / this.series.length;
      this.series.forEach((series, seriesIndex) => {
        series.values.forEach((value, index) => {
          // One series cycles the palette per bar; several series keep one colour each.
          ctx.fillStyle = this.series.length > 1 ? series.color : CHART_PALETTE[index % CHART_PALETTE.length]!;
          const height = (plot.y + plot.height - yOf(value)) * easeOut(this.progressAt(index, count));
          const x = centers[index]! - groupWidth / 2 + seriesIndex * barWidth;
          ctx.fillRect(x, plot.y + plot.height - height, barWidth, height);
        });
      });
    } else {
      const progress = revealProgress(this.elapsed, this.revealFrames);
      for (const series of this.series) {
        if (progress <= 0) break;
        const line = new Path2D();
        series.values.forEach((value, index) => (index === 0 ? line.moveTo(centers[index]!, yOf(value)) : line.lineTo(centers[index]!, yOf(value))));
        const shown = progress >= 1 ? line : new Path2D(line).trim(0, progress);
        if (this.element.variant === 'area') {
          const bounds = shown.computeTightBounds();
          const area = new Path2D(shown);
          area.lineTo(bounds[2], plot.y + plot.height);
          area.lineTo(centers[0]!, plot.y + plot.height);
          area.closePath();
          // Fluvie's area chart fills at 0.55 opacity and draws no outline.
          ctx.globalAlpha *= AREA_FILL_OPACITY;
          ctx.fillStyle = series.color;
          ctx.fill(area);
          ctx.globalAlpha /= AREA_FILL_OPACITY;
          continue;
        }
        ctx.strokeStyle = series.color;
        ctx.lineWidth = LINE_WIDTH;
        ctx.lineCap = 'round';
        ctx.lineJoin = 'round';
        ctx.stroke(shown);
      }
    }
    drawCategoryLabels(ctx, this.labels, this.categories, centers, plot.y + plot.height);
  }

  private paintPie(ctx: SKRSContext2D, size: Size, inner: number): void {
    const values = this.series[0]!.values.map((value) => Math.max(value, 0));
    const total = values.reduce((sum, value) => sum + value, 0);
    if (total <= 0) return;
    const radius = 0.45 * Math.min(size.width, size.height);
    const cx = size.width / 2;
    const cy = size.height / 2;
    const sweep = easeOut(revealProgress(this.elapsed, this.revealFrames));
    let angle = -Math.PI / 2;
    values.forEach((value, index) => {
      const span = ((2 * Math.PI * value) / total) * sweep;
      if (span > 0) {
        ctx.fillStyle = CHART_PALETTE[index % CHART_PALETTE.length]!;
        ctx.beginPath();
        ctx.arc(cx, cy, radius, angle, angle + span);
        if (inner > 0) ctx.arc(cx, cy, radius * inner, angle + span, angle, true);
        else ctx.lineTo(cx, cy);
        ctx.closePath();
        ctx.fill();
      }
      angle += span;
    });
  }

  private paintScatter(ctx: SKRSContext2D, size: Size): void {
    const points = this.element.points ?? Object.values(this.element.data ?? {}).map((y, x) => ({ x, y }));
    if (points.length === 0) return;
    const markerRadius = 0.04 * Math.min(size.width, size.height);
    // Markers at the domain ends stay inside the plot.
    const outer = this.plotRect(size, false);
    const plot = { x: outer.x + markerRadius, y: outer.y + markerRadius, width: outer.width - 2 * markerRadius, height: outer.height - 2 * markerRadius };
    const minX = Math.min(...points.map((point) => point.x));
    const maxX = Math.max(...points.map((point) => point.x));
    const top = niceCeil(Math.max(0, ...points.map((point) => point.y)));
    this.paintGrid(ctx, outer);
    ctx.fillStyle = CHART_PALETTE[0]!;
    points.forEach((point, index) => {
      const radius = markerRadius * elastic(this.progressAt(index, points.length));
      if (radius <= 0) return;
      const x = maxX === minX ? plot.x + plot.width / 2 : plot.x + ((point.x - minX) / (maxX - minX)) * plot.width;
      const y = plot.y + plot.height - (Math.max(point.y, 0) / top) * plot.height;
      ctx.beginPath();
      ctx.arc(x, y, radius, 0, 2 * Math.PI);
      ctx.fill();
    });
  }
}
