/**
 * Lists every feature of a spec that the native engine cannot draw yet, each with its JSON path.
 * A render then fails up front with the whole list, or, when allowed, skips each one with a
 * warning, instead of drawing something different from what the author meant.
 */
import {
  chooseBoundaryTransition,
  formatPath,
  type BackgroundSpec,
  type ElementSpec,
  type SceneSpec,
  type VideoSpec,
} from '../../../spec/index.js';
import { speedRampProblem } from '../../motion/speed-ramp.js';
import { checkAudioTracks } from './unsupported-audio.js';
import { checkAnimation, checkEffects } from './unsupported-motion.js';
import { DRAWN_ELEMENT_TYPES } from './build-drawn.js';

export interface UnsupportedFeature {
  /** JSON path of the value, such as `scenes[0].children[1].animate[2]`; empty for the whole spec. */
  path: string;
  feature: string;
  reason: string;
}

const NOT_YET = 'not drawn by the native engine yet';
/**
 * Measured with ffmpeg 5.1: the tempo changes of atempo stages lag the ramp by tens of
 * milliseconds, and digitally silent passages lose samples at each change.
 */
const RAMP_AUDIO_REASON =
  'the picture follows the speed ramp exactly, but ffmpeg atempo stages make the embedded audio follow it only approximately ' +
  '(tens of milliseconds off, shorter over digital silence); the audio would be mixed that way. Set "volume": 0 to leave the audio out, also for a clip without sound';
const NEEDS_BROWSER = 'needs a browser to render; the native engine has none';
const DRAWN_ELEMENTS = new Set(['Text', 'Box', 'Image', 'Shape', 'Group', ...DRAWN_ELEMENT_TYPES]);
const BROWSER_ELEMENTS = new Set(['Mermaid', 'WebView', 'Html']);
const DRAWN_BACKGROUNDS = new Set(['color', 'gradient', 'radial', 'image', 'video', 'noise', 'vhs']);
const DRAWN_TRANSITIONS = new Set(['cut', 'crossFade', 'wipe', 'zoom', 'slide']);

export function findUnsupportedFeatures(spec: VideoSpec): UnsupportedFeature[] {
  const found: UnsupportedFeature[] = [];
  const add = (path: string, feature: string, reason = NOT_YET): void => {
    found.push({ path, feature, reason });
  };

  checkAudioTracks(spec.audio, 'audio', add);
  (spec.overlays ?? []).forEach((element, index) => checkElement(element, `overlays[${index}]`, add));
  for (const [name, master] of Object.entries(spec.masters ?? {})) {
    if (master.background !== undefined) checkBackground(master.background, formatPath(['masters', name, 'background']), add);
    (master.children ?? []).forEach((element, index) => {
      if (element.type !== 'Placeholder') checkElement(element, formatPath(['masters', name, 'children', index]), add);
    });
  }
  spec.scenes.forEach((scene, index) => checkScene(scene, index, add));

  for (let index = 1; index < spec.scenes.length; index += 1) {
    const previous = spec.scenes[index - 1]!;
    const next = spec.scenes[index]!;
    const transition = chooseBoundaryTransition(previous, next, spec);
    if (transition === null || DRAWN_TRANSITIONS.has(transition.kind)) continue;
    add(boundaryPath(previous, next, index), `${transition.kind} transition`, `${NOT_YET}; it would show as a cut`);
  }
  return found;
}

/** JSON path of the transition that won the boundary into scene `index`. */
function boundaryPath(previous: SceneSpec, next: SceneSpec, index: number): string {
  if (next.enter) return `scenes[${index}].enter`;
  if (previous.exit) return `scenes[${index - 1}].exit`;
  return 'transition';
}

type Add = (path: string, feature: string, reason?: string) => void;

function checkScene(scene: SceneSpec, index: number, add: Add): void {
  const path = `scenes[${index}]`;
  if (scene.background !== undefined) checkBackground(scene.background, `${path}.background`, add);
  for (const [slot, fill] of Object.entries(scene.fills ?? {})) checkElement(fill, formatPath(['scenes', index, 'fills', slot]), add);
  checkAudioTracks(scene.audio, `${path}.audio`, add);
  (scene.children ?? []).forEach((element, index) => checkElement(element, `${path}.children[${index}]`, add));
}

function checkBackground(background: BackgroundSpec, path: string, add: Add): void {
  if (!DRAWN_BACKGROUNDS.has(background.kind)) add(path, `${background.kind} background`);
}

function checkElement(element: ElementSpec, path: string, add: Add): void {
  if (element.visible === false) return;
  if (!DRAWN_ELEMENTS.has(element.type)) {
    add(path, `${element.type} element`, BROWSER_ELEMENTS.has(element.type) ? NEEDS_BROWSER : NOT_YET);
    return;
  }
  checkEffects(element.effects, `${path}.effects`, add);
  (element.animate ?? []).forEach((animation, index) => checkAnimation(animation, `${path}.animate[${index}]`, add));

  switch (element.type) {
    case 'Image':
      if (element.source.kind === 'network') add(`${path}.source`, 'network image source', NETWORK_REASON);
      break;
    case 'Clip':
      if (element.source.kind === 'network') add(`${path}.source`, 'network clip source', NETWORK_REASON);
      if (element.speed !== undefined && typeof element.speed !== 'number') {
        const problem = speedRampProblem(element.speed);
        if (problem !== null) add(`${path}.speed`, 'keyframed clip speed', `${problem}; the clip would play at the first value`);
        else if (element.volume !== 0) add(`${path}.speed`, 'clip audio under a speed ramp', RAMP_AUDIO_REASON);
      }
      if (element.automation?.volume !== undefined && typeof element.automation.volume !== 'number' && (element.automation.volume.easings ?? []).some((ease) => ease !== 'linear')) {
        add(`${path}.automation.volume.easings`, 'eased volume automation', 'not mixed by the native render path yet; the gain would move linearly between stops');
      }
      break;
    case 'Group':
      element.children.forEach((child, index) => checkElement(child, `${path}.children[${index}]`, add));
      break;
  }
  if ('child' in element && element.child !== undefined) checkChild(element.child, `${path}.child`, add);
}

/** A `child` prop is drawn with its own window and animations, so only its own features are checked. */
function checkChild(child: ElementSpec, path: string, add: Add): void {
  checkElement(child, path, add);
}

/**
 * Network sources are fetched on request. Bundle sources are drawn: the render resolves them
 * against the spec's folder (see bundle-media.ts).
 */
const NETWORK_REASON = 'fetched only with --allow-network (ALLOW_NETWORK_MEDIA=true on the server)';
