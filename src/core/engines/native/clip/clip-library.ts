/**
 * The clips of one render: creates a player per Clip element or video background, loads the frame
 * each one shows before a frame is drawn, and closes every decoder when the stream closes.
 */
import { FluvieError } from '../../../errors.js';
import type { FrameWindow } from '../../../pipeline/plan-types.js';
import type { ImageFit } from '../draw-image.js';
import { ClipPlayer } from './clip-player.js';
import type { ClipSource } from './clip-sources.js';
import type { ClipPlayback } from './clip-timing.js';

export interface ClipSetup {
  window: FrameWindow;
  playback: ClipPlayback;
  fit: ImageFit;
  fadeInFrames: number;
  fadeOutFrames: number;
}

export class ClipLibrary {
  private readonly players: ClipPlayer[] = [];

  constructor(
    private readonly sources: ReadonlyMap<string, ClipSource>,
    private readonly ffmpegPath: string | null,
    private readonly fps: number,
  ) {}

  /** Returns the player of the clip at `jsonPath`, or null when the plan has no playable clip there. */
  createPlayer(jsonPath: string, setup: ClipSetup): ClipPlayer | null {
    const source = this.sources.get(jsonPath);
    if (source === undefined) return null;
    if (this.ffmpegPath === null) throw new FluvieError('ffmpeg_missing', `${jsonPath}: decoding a clip needs ffmpeg, but none was given to the engine.`);
    const player = new ClipPlayer({ ...setup, path: jsonPath, file: source.file, ffmpegPath: this.ffmpegPath, probe: source.probe, fps: this.fps, poster: source.poster });
    this.players.push(player);
    return player;
  }

  /** Loads, in every clip whose window contains `frame`, the decoded frame it shows. */
  async load(frame: number): Promise<void> {
    for (const player of this.players) await player.load(frame);
  }

  /** Kills every decoder process and waits for them to exit. */
  async close(): Promise<void> {
    await Promise.all(this.players.map((player) => player.close()));
  }
}
