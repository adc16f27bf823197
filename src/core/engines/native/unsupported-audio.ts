/**
 * Audio features the native render path cannot mix yet, each with its JSON path, in the same shape
 * as the unsupported drawing features.
 */
import type { AudioTrackSpec } from '../../../spec/index.js';
import { isPlannableAudioTrigger } from '../../pipeline/plan-audio.js';

type Add = (path: string, feature: string, reason?: string) => void;

const NOT_MIXED = 'not mixed by the native render path yet';

export function checkAudioTracks(tracks: readonly AudioTrackSpec[] | undefined, path: string, add: Add): void {
  (tracks ?? []).forEach((track, index) => {
    const trackPath = `${path}[${index}]`;
    if (track.source.kind === 'network') {
      add(`${trackPath}.source`, 'network audio source', 'fetched only with --allow-network (ALLOW_NETWORK_MEDIA=true on the server)');
    }
    if (!isPlannableAudioTrigger(track.at)) {
      const kind = typeof track.at === 'string' ? track.at : track.at?.kind;
      add(`${trackPath}.at`, `${kind} audio trigger`, `${NOT_MIXED}; use sceneStart, sceneEnd, previous, whenStarts, whenEnds or {"kind": "at", "time": …}`);
    }
  });
}
