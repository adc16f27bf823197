/**
 * The golden-frame cases: one line each, a name, a spec and the frames to compare. After an
 * intended change in output, `npm run golden:update` rewrites the reference PNGs.
 */
import { sceneOf, type GoldenCase } from './golden-spec.js';

const card = { x: 0.5, y: 0.5, w: 0.9, h: 0.8 };
/** A 40×40 PNG of four coloured quadrants; asset sources resolve against test/golden. */
const quadrants = { kind: 'asset', value: 'fixtures/quadrants.png' };
const tile = { type: 'Box', color: '#FF6C5CE7', transform: { x: 0.5, y: 0.5, w: 0.3, h: 0.4 } };
const label = { type: 'Text', text: 'Motion', style: { fontSize: 40, color: '#FFFDCB6E' } };

/** Two 30-frame scenes, orange with a label then blue with a tile, joined by a 10-frame `transition`. */
function twoScenes(transition: Record<string, unknown>): GoldenCase['spec'] {
  return {
    fluvieSpec: 1,
    size: { width: 320, height: 180 },
    fps: 30,
    transition: { duration: '10f', ...transition },
    scenes: [
      { duration: '1s', background: { kind: 'color', color: '#FFE17055' }, children: [label] },
      { duration: '1s', background: { kind: 'color', color: '#FF0984E3' }, children: [tile] },
    ],
  } as unknown as GoldenCase['spec'];
}

/** Theme tokens, a master with a filled slot, an overlay, a shared hero and a child prop in two crossfading scenes. */
const sceneFeatures = {
  fluvieSpec: 1,
  size: { width: 320, height: 180 },
  fps: 30,
  theme: { palette: { ink: '#FF202428', brand: '#FF6C5CE7' }, typeScale: { heading: { fontSize: 28, fontWeight: 'bold', color: '#FFFDCB6E' } } },
  masters: { deck: { background: { kind: 'color', color: { token: 'ink' } }, children: [{ type: 'Box', color: { token: 'brand' }, transform: { x: 0, y: 1, w: 1, h: 0.08, anchor: 'bottomLeft' } }, { type: 'Placeholder', slot: 'title', transform: { x: 0.05, y: 0.1, anchor: 'topLeft' }, style: { token: 'heading' } }] } },
  overlays: [{ type: 'Text', text: 'LIVE', style: { fontSize: 16, color: '#FFFF5555' }, transform: { x: 0.95, y: 0.05, anchor: 'topRight' } }],
  transition: { kind: 'crossFade', duration: '10f' },
  scenes: [
    { duration: '1s', master: 'deck', fills: { title: { type: 'Text', text: 'Themed title' } }, children: [{ type: 'Box', color: '#FF00B894', shared: 'hero', transform: { x: 0.2, y: 0.6, w: 0.1, h: 0.15 } }] },
    { duration: '1s', master: 'deck', fills: { title: { type: 'Text', text: 'Second' } }, children: [{ type: 'Box', color: '#FF00B894', shared: 'hero', transform: { x: 0.7, y: 0.5, w: 0.3, h: 0.4 } }, { type: 'TitleCard', title: '', transform: { x: 0.7, y: 0.5, w: 0.3, h: 0.4 }, child: { type: 'Text', text: 'child', style: { fontSize: 18 }, show: { from: '10f' }, animate: [{ preset: 'slideFadeIn', duration: '10f' }] } }] },
  ],
} as unknown as GoldenCase['spec'];

export const GOLDEN_CASES: readonly GoldenCase[] = [
  { name: 'text', spec: sceneOf([{ type: 'Text', text: 'Hello, golden frames', style: { fontSize: 24, color: '#FFFFFFFF' } }]), frames: [0] },
  { name: 'text-justify', spec: sceneOf([{ type: 'Text', text: 'Justified text stretches the spaces of every line but the last one.', textAlign: 'justify', style: { fontSize: 20 }, transform: { x: 0.5, y: 0.5, w: 0.6, h: 0.8 } }]), frames: [0] },
  { name: 'text-spans', spec: sceneOf([{ type: 'Text', spans: [{ text: 'Bold ', style: { fontWeight: 'bold', color: '#FFFDCB6E' } }, { text: 'and italic', style: { fontStyle: 'italic' } }], style: { fontSize: 22 }, decoration: { color: '#FF6C5CE7', cornerRadius: 8 }, padding: { horizontal: 12, vertical: 6 } }]), frames: [0] },
  { name: 'split-text', spec: sceneOf([{ type: 'SplitText', text: 'Split by word\nand line', by: 'word', textAlign: 'center', style: { fontSize: 24 } }]), frames: [0] },
  { name: 'typewriter', spec: sceneOf([{ type: 'Typewriter', text: 'Typing along', caret: true, style: { fontSize: 24 } }]), frames: [0, 10, 30] },
  { name: 'counter', spec: sceneOf([{ type: 'Counter', from: 0, to: 4999, variant: 'currency', style: { fontSize: 32 } }]), frames: [0, 15, 30] },
  { name: 'title-card', spec: sceneOf([{ type: 'TitleCard', title: 'Title', subtitle: 'Subtitle here', reveal: '0.5s' }]), frames: [0, 8, 15] },
  { name: 'lower-third', spec: sceneOf([{ type: 'LowerThird', name: 'Ada Lovelace', title: 'Analyst', reveal: '0.5s' }]), frames: [0, 8, 15] },
  { name: 'callout', spec: sceneOf([{ type: 'Callout', label: 'Look here', target: { x: 100, y: 120 } }]), frames: [0] },
  { name: 'spotlight', spec: sceneOf([{ type: 'Spotlight', region: { x: 110, y: 50, w: 100, h: 80 }, reveal: '0.5s', child: { type: 'Text', text: 'Spot', style: { fontSize: 40 } } }]), frames: [0, 15] },
  { name: 'markdown', spec: sceneOf([{ type: 'Markdown', source: '# Heading\nSome **bold**, *italic* and `code`.\n\n- one\n- two' }]), frames: [0] },
  { name: 'terminal', spec: sceneOf([{ type: 'Terminal', transform: card, lines: [{ cmd: 'npm test', out: '3 passed' }, { cmd: 'ls' }], chrome: { title: 'zsh' } }]), frames: [0, 10, 40] },
  { name: 'code-dark', spec: sceneOf([{ type: 'Code', transform: card, language: 'typescript', source: 'const x: number = 42;\n// answer\nfunction f() { return "hi"; }', highlightLines: [2] }]), frames: [0] },
  { name: 'code-light-typing', spec: sceneOf([{ type: 'Code', transform: card, theme: 'light', language: 'python', source: 'def add(a, b):\n    return a + b', reveal: { kind: 'typing', speed: '1f' }, focusLines: [2] }]), frames: [10, 40] },
  { name: 'code-diff', spec: sceneOf([{ type: 'Code', transform: card, language: 'javascript', source: 'let a = 1;\nlog(a);\nlet b = 2;', after: 'let a = 1;\nlet c = 3;\nlog(a);', reveal: { kind: 'lineByLine', perLine: '20f' } }]), frames: [0, 10, 20] },
  { name: 'chart-bar', spec: sceneOf([{ type: 'Chart', variant: 'bar', data: { A: 3, B: 7, C: 5 } }]), frames: [6, 40] },
  { name: 'chart-donut', spec: sceneOf([{ type: 'Chart', variant: 'donut', data: { A: 3, B: 7, C: 5 } }]), frames: [6, 40] },
  { name: 'chart-line', spec: sceneOf([{ type: 'Chart', variant: 'area', series: [{ name: 'a', data: { x: 1, y: 4, z: 2 } }, { name: 'b', data: { x: 3, y: 1, z: 5 } }] }]), frames: [18, 40] },
  { name: 'chart-scatter', spec: sceneOf([{ type: 'Chart', variant: 'scatter', points: [{ x: 1, y: 2 }, { x: 2, y: 5 }, { x: 4, y: 3 }], stagger: { each: '3f' } }]), frames: [10, 40] },
  { name: 'arrow-connector', spec: sceneOf([{ type: 'Arrow', from: { x: 20, y: 20 }, to: { x: 150, y: 90 }, reveal: '0.5s' }, { type: 'Connector', from: { x: 200, y: 20 }, to: { x: 300, y: 160 }, elbow: true }]), frames: [7, 20] },
  { name: 'shape-reveal', spec: sceneOf([{ type: 'Shape', kind: 'circle', center: { x: 160, y: 90 }, radius: 60, reveal: '1s' }]), frames: [15, 30] },
  { name: 'device-browser', spec: sceneOf([{ type: 'DeviceFrame', variant: 'browser', url: 'example.com', transform: card, child: { type: 'Box', color: '#FF0984E3' } }]), frames: [0] },
  { name: 'device-phone', spec: sceneOf([{ type: 'DeviceFrame', variant: 'phone', transform: { x: 0.5, y: 0.5, w: 0.3, h: 0.9 }, child: { type: 'Box', color: '#FF00B894' } }]), frames: [0] },
  { name: 'snapshot', spec: sceneOf([{ type: 'Snapshot', fit: 'contain', child: { type: 'Text', text: 'Snap', style: { fontSize: 20 } } }]), frames: [0] },
  { name: 'image-crop', spec: sceneOf([{ type: 'Image', source: quadrants, crop: { x: 0.25, y: 0.25, w: 0.5, h: 0.5 }, transform: { x: 0.25, y: 0.5, w: 0.3, h: 0.6 } }, { type: 'Image', source: quadrants, fit: 'fill', frame: { style: 'card' }, transform: { x: 0.7, y: 0.5, w: 0.35, h: 0.6 } }]), frames: [0] },
  { name: 'image-polaroid', spec: sceneOf([{ type: 'Image', source: quadrants, fit: 'cover', frame: { style: 'polaroid', caption: 'Quadrants' }, transform: { x: 0.5, y: 0.5, w: 0.45, h: 0.9 } }]), frames: [0] },
  { name: 'motion-keyframes', spec: sceneOf([{ ...tile, animate: [{ keyframes: [{ rotation: 0, scaleX: 0.5 }, { rotation: 0.1, skewX: 0.05 }, { rotation: 0.25 }], easings: ['snappy', 'bounce'], duration: '20f' }] }]), frames: [5, 12] },
  { name: 'motion-presets', spec: sceneOf([{ ...tile, animate: [{ preset: 'maskWipeIn', shape: 'circle', duration: '20f' }, { preset: 'kenBurns' }, { preset: 'pop' }] }, { ...label, animate: [{ preset: 'blurIn', duration: '20f' }, { preset: 'float', seed: 'a' }] }]), frames: [6, 14] },
  { name: 'motion-glitch', spec: sceneOf([{ ...label, animate: [{ preset: 'glitchIn', duration: '20f' }] }]), frames: [2, 10] },
  { name: 'motion-effects', spec: sceneOf([{ ...tile, transform: { x: 0.5, y: 0.5, w: 0.8, h: 0.8 }, effects: [{ kind: 'grade', saturation: 0.5, temperature: 0.5 }, { kind: 'chromatic', px: 3 }], animate: [{ preset: 'grain', amount: 0.6 }, { preset: 'vignette', amount: 0.8 }, { preset: 'scanlines' }, { preset: 'bloom', amount: 0.5 }] }]), frames: [0, 20] },
  { name: 'effects-particles', spec: sceneOf([{ ...tile, transform: { x: 0.5, y: 0.5, w: 1, h: 1 }, color: '#00000000', effects: [{ kind: 'particles', particles: { kind: 'confetti', seed: 'golden' } }], animate: [{ preset: 'particles', spec: { kind: 'sparkle', count: 40, maxSize: 6 } }] }]), frames: [0, 20] },
  { name: 'effects-curves-lut', spec: sceneOf([{ ...tile, transform: { x: 0.3, y: 0.5, w: 0.35, h: 0.6 }, effects: [{ kind: 'curves', curves: { master: [[0, 0], [0.5, 0.75], [1, 1]], blue: [[0, 1], [1, 0]] } }] }, { ...label, effects: [{ kind: 'lut', cube: 'LUT_3D_SIZE 2\n0 0 1\n0 0 0\n0 1 1\n0 1 0\n1 0 1\n1 0 0\n1 1 1\n1 1 0\n', intensity: 0.8 }] }]), frames: [0] },
  { name: 'motion-stagger', spec: sceneOf([{ type: 'SplitText', text: 'One two three four', by: 'word', style: { fontSize: 30 }, animate: [{ preset: 'slideFadeIn', duration: '8f', stagger: { from: 'center', gap: '4f' } }] }]), frames: [6] },
  { name: 'background-noise', spec: { ...sceneOf([]), scenes: [{ duration: '1s', background: { kind: 'noise', scale: 2 } }] } as unknown as GoldenCase['spec'], frames: [0] },
  { name: 'background-vhs', spec: { ...sceneOf([]), scenes: [{ duration: '1s', background: { kind: 'vhs' } }] } as unknown as GoldenCase['spec'], frames: [0] },
  { name: 'transition-wipe', spec: twoScenes({ kind: 'wipe', direction: 'bottom', ease: 'smooth' }), frames: [24] },
  { name: 'transition-zoom', spec: twoScenes({ kind: 'zoom', into: 'topLeft' }), frames: [20] },
  { name: 'transition-slide', spec: twoScenes({ kind: 'slide', from: 'left', overlap: false }), frames: [34] },
  { name: 'text-scripts', spec: sceneOf([{ type: 'Text', text: 'Emoji 😀 你好 こんにちは\nשלום سلام fi AV', style: { fontSize: 22 } }]), frames: [0] },
  { name: 'scene-features', spec: sceneFeatures, frames: [5, 25, 45] },
];
