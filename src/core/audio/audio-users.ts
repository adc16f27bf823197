/**
 * Finds the parts of a spec that read a music track's analysis: `beat` triggers of animations and
 * of audio tracks, the audio-reactive `pulse {on}` and `scaleY`, and `Bars` elements. Elements are
 * found anywhere in the document: scenes, fills, overlays, master layouts, Group children and
 * `child` props.
 */
import { collectElements, formatPath, type AnimationSpec, type AudioTrackSpec, type ElementSpec, type VideoSpec } from '../../spec/index.js';
import { DEFAULT_BAND, parseAudioBand, type AudioBand } from './audio-band.js';
import { FluvieError } from '../errors.js';

export interface AudioUser {
  /** JSON path of the element or animation entry. */
  path: string;
  /** The `track` id it names; undefined follows the video's first music track. */
  track: string | undefined;
  /** `beat` needs beat frames; `energy` needs the band energies. */
  needs: 'beat' | 'energy';
  /** The band an energy user reads; null for beat users. */
  band: AudioBand | null;
}

/**
 * Returns every audio user of `spec`.
 * @throws FluvieError `spec_invalid` for a band name other than bass, mid and treble, and for a
 * `scaleY` without `on`.
 */
export function findAudioUsers(spec: VideoSpec): AudioUser[] {
  const users: AudioUser[] = [];
  addTrackUsers(spec.audio, 'audio', users);
  spec.scenes.forEach((scene, index) => addTrackUsers(scene.audio, `scenes[${index}].audio`, users));
  for (const visit of collectElements(spec)) addElementUsers(visit.element, formatPath(visit.path), users);
  return users;
}

function addTrackUsers(tracks: readonly AudioTrackSpec[] | undefined, listPath: string, users: AudioUser[]): void {
  tracks?.forEach((track, index) => {
    const trigger = track.at;
    if (trigger !== undefined && typeof trigger !== 'string' && trigger.kind === 'beat') {
      users.push({ path: `${listPath}[${index}].at`, track: trigger.track, needs: 'beat', band: null });
    }
  });
}

function addElementUsers(element: ElementSpec, path: string, users: AudioUser[]): void {
  if (element.type === 'Bars') {
    users.push({ path, track: element.track, needs: 'energy', band: parseAudioBand(element.band ?? DEFAULT_BAND, `${path}.band`) });
  }
  (element.animate ?? []).forEach((animation, index) => addAnimationUsers(animation, `${path}.animate[${index}]`, users));
}

function addAnimationUsers(animation: AnimationSpec, path: string, users: AudioUser[]): void {
  const trigger = animation.at;
  if (trigger !== undefined && typeof trigger !== 'string' && trigger.kind === 'beat') {
    users.push({ path: `${path}.at`, track: trigger.track, needs: 'beat', band: null });
  }
  if (!('preset' in animation)) return;
  if (animation.preset === 'pulse' && animation.on !== undefined) {
    users.push({ path, track: animation.track, needs: 'energy', band: parseAudioBand(animation.on, `${path}.on`) });
  }
  if (animation.preset === 'scaleY') {
    if (animation.on === undefined) {
      throw new FluvieError('spec_invalid', `${path} is an audio-reactive scaleY without "on"; set "on" to the band it follows: bass, mid or treble`);
    }
    users.push({ path, track: animation.track, needs: 'energy', band: parseAudioBand(animation.on, `${path}.on`) });
  }
}
