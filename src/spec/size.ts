/** Video size presets and their pixel dimensions. */

export const SIZE_PRESETS = {
  reels: { width: 1080, height: 1920 },
  story: { width: 1080, height: 1920 },
  square: { width: 1080, height: 1080 },
  hd: { width: 1920, height: 1080 },
  fourK: { width: 3840, height: 2160 },
} as const satisfies Record<string, VideoSize>;

export type SizePresetName = keyof typeof SIZE_PRESETS;

export const SIZE_PRESET_NAMES = Object.keys(SIZE_PRESETS) as readonly SizePresetName[];

/** Size used when a spec has no `size`. */
export const DEFAULT_SIZE_PRESET: SizePresetName = 'reels';

export interface VideoSize {
  readonly width: number;
  readonly height: number;
}

/** Each canvas axis must lie in this range, in pixels. */
export const MIN_AXIS_PX = 2;
export const MAX_AXIS_PX = 7680;

/** Resolves a `size` value (preset name, explicit size, or absent for `reels`) to pixels. */
export function resolveVideoSize(size: SizePresetName | VideoSize | undefined | null): VideoSize {
  if (size === undefined || size === null) return SIZE_PRESETS[DEFAULT_SIZE_PRESET];
  if (typeof size === 'string') return SIZE_PRESETS[size];
  return { width: size.width, height: size.height };
}
