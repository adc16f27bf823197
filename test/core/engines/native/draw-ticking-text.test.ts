import { describe, expect, it } from 'vitest';
import { formatCounterValue, typedText } from '../../../../src/core/engines/native/draw-ticking-text.js';
import { sceneOf } from '../../../golden/golden-spec.js';
import { capture, pixel } from './native-helpers.js';

/** Columns of a 320×180 frame that hold any bright (text) pixel. */
function brightColumns(frame: Uint8Array): number[] {
  const columns: number[] = [];
  for (let x = 0; x < 320; x += 1) {
    for (let y = 0; y < 180; y += 1) {
      if (pixel(frame, 320, x, y)[0] > 160) {
        columns.push(x);
        break;
      }
    }
  }
  return columns;
}

describe('formatCounterValue', () => {
  it('plain numbers keep up to three decimals', () => {
    expect(formatCounterValue(1.4, undefined, '$')).toBe('1.4');
    expect(formatCounterValue(12500, undefined, '$')).toBe('12,500');
    expect(formatCounterValue(2.12345, undefined, '$')).toBe('2.123');
  });

  it('rounds half to even like intl', () => {
    expect(formatCounterValue(0.0005, undefined, '$')).toBe('0');
    expect(formatCounterValue(2499.5, 'currency', '$')).toBe('$2,500');
    expect(formatCounterValue(2498.5, 'currency', '$')).toBe('$2,498');
  });

  it('currency and percent variants', () => {
    expect(formatCounterValue(4999, 'currency', '$')).toBe('$4,999');
    expect(formatCounterValue(-12, 'currency', '€')).toBe('-€12');
    expect(formatCounterValue(0.87, 'percent', '$')).toBe('87%');
  });
});

describe('typedText', () => {
  it('shows one UTF-16 unit per speed frames', () => {
    expect(typedText('hello', 0, 2, false)).toBe('');
    expect(typedText('hello', 5, 2, false)).toBe('he');
    expect(typedText('hello', 99, 2, false)).toBe('hello');
  });

  it('caret blinks 8 on, 8 off, after typing too', () => {
    expect(typedText('hi', 0, 2, true)).toBe('|');
    expect(typedText('hi', 8, 2, true)).toBe('hi');
    expect(typedText('hi', 16, 2, true)).toBe('hi|');
    expect(typedText('hi', -1, 2, true)).toBe('');
  });

  it('never leaves half a surrogate pair', () => {
    expect(typedText('a😀', 2, 1, false)).toBe('a');
    expect(typedText('a😀', 3, 1, false)).toBe('a😀');
  });
});

describe('Counter and Typewriter frames', () => {
  it('counter text widens as it counts and stays centred', async () => {
    const { stream } = await capture(sceneOf([{ type: 'Counter', to: 1000000, style: { fontSize: 32 } }]));
    const start = brightColumns(await stream.renderFrame!(0));
    const end = brightColumns(await stream.renderFrame!(30));
    expect(end.length).toBeGreaterThan(start.length * 3);
    const centre = (columns: number[]): number => (columns[0]! + columns[columns.length - 1]!) / 2;
    expect(Math.abs(centre(end) - 160)).toBeLessThan(4);
    expect(Math.abs(centre(start) - 160)).toBeLessThan(4);
  });

  it('typewriter draws nothing before the first glyph', async () => {
    const { stream } = await capture(sceneOf([{ type: 'Typewriter', text: 'Typing', speed: '3f', style: { fontSize: 32 } }]));
    expect(brightColumns(await stream.renderFrame!(2))).toEqual([]);
    expect(brightColumns(await stream.renderFrame!(3)).length).toBeGreaterThan(5);
  });

  it('group child counter grows from the group top-left', async () => {
    const group = { type: 'Group', transform: { x: 0.5, y: 0.5, w: 0.5, h: 0.5 }, children: [{ type: 'Counter', to: 1000000, style: { fontSize: 20 } }] };
    const { stream } = await capture(sceneOf([group]));
    // The group box is (80, 45)–(240, 135), and its children stack at its top-left.
    for (const frame of [0, 30]) expect(Math.min(...brightColumns(await stream.renderFrame!(frame)))).toBeLessThan(84);
  });

  it('tight counter keeps its text at the top-left', async () => {
    const spec = sceneOf([{ type: 'Counter', to: 1000000, style: { fontSize: 20 }, transform: { x: 0.5, y: 0.5, w: 0.5, h: 0.5 } }]);
    const { stream } = await capture(spec);
    for (const frame of [0, 30]) expect(Math.min(...brightColumns(await stream.renderFrame!(frame)))).toBeLessThan(84);
  });
});
