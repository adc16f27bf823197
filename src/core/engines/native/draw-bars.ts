/**
 * `Bars`: a spectrum visualiser that fills its box. Each frame reads the band energy (0..1) of
 * the followed music track and paints `count` upright bars rising from the bottom edge, bar i
 * being `energy · gain · profile(i)` of the box height (clamped to 0..1). As in Fluvie, the
 * profile is a fixed golden-angle bump, `0.55 + 0.45·(0.5 + 0.5·sin(i·2π/φ²))`, so the bars vary
 * from one to the next but are the same on every run. A quarter of each bar slot is the gap, and
 * bars have rounded corners of a quarter of their width.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { BarsElement } from '../../../spec/index.js';
import { DEFAULT_BAND, parseAudioBand } from '../../audio/audio-band.js';
import { energyAt, selectTrack } from '../../audio/audio-analysis.js';
import type { DrawnEnv, DrawnParts } from './build-drawn.js';
import type { BoxConstraints, Size } from './layout.js';
import { cssColor } from './style.js';

/** Fluvie's first palette colour, which Bars paint in. */
const BAR_COLOR = '#FF6C5CE7';
/** Fraction of each bar slot left empty. */
const GAP = 0.25;
/** 2π/φ², the golden angle in radians. */
const GOLDEN_ANGLE = 2.399963229728653;

export function createBarsDrawer(env: DrawnEnv): DrawnParts {
  const element = env.planned.element as BarsElement;
  const audio = env.context.audio ?? null;
  const band = parseAudioBand(element.band ?? DEFAULT_BAND, `${env.planned.path}.band`);
  // Without an analysis (allowed only with unsupported features skipped) the bars rest at 0.
  const energies = audio === null ? null : selectTrack(audio, element.track, env.planned.path).energies[band];
  return { drawer: new BarsDrawer(energies, element.count ?? 24, element.gain ?? 1), children: [] };
}

/** Returns the height of each bar as a fraction of the box height, before clamping. */
export function barHeights(count: number, energy: number, gain: number): number[] {
  const scaled = energy * gain;
  return Array.from({ length: count }, (_, index) => scaled * barProfile(index, count));
}

function barProfile(index: number, count: number): number {
  if (count <= 1) return 1;
  return 0.55 + 0.45 * (0.5 + 0.5 * Math.sin(index * GOLDEN_ANGLE));
}

class BarsDrawer {
  private readonly color = cssColor(BAR_COLOR);
  private energy = 0;

  constructor(
    private readonly energies: Float32Array | null,
    private readonly count: number,
    private readonly gain: number,
  ) {}

  measure(constraints: BoxConstraints): Size {
    return { width: constraints.maxWidth, height: constraints.maxHeight };
  }

  update(frame: number): number {
    this.energy = this.energies === null ? 0 : energyAt(this.energies, frame);
    return this.energy;
  }

  paint(ctx: SKRSContext2D, size: Size, alpha: number): void {
    const slot = size.width / this.count;
    const barWidth = slot * (1 - GAP);
    ctx.globalAlpha = alpha;
    ctx.fillStyle = this.color;
    barHeights(this.count, this.energy, this.gain).forEach((height, index) => {
      const barHeight = Math.min(Math.max(height, 0), 1) * size.height;
      if (barHeight <= 0) return;
      ctx.beginPath();
      ctx.roundRect(index * slot + (slot - barWidth) / 2, size.height - barHeight, barWidth, barHeight, barWidth / 4);
      ctx.fill();
    });
  }
}
