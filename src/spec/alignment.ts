/** Alignment names and points, as Flutter's `Alignment`: x and y in -1..1, (0,0) is the centre. */

export const ALIGNMENTS = {
  topLeft: { x: -1, y: -1 },
  topCenter: { x: 0, y: -1 },
  topRight: { x: 1, y: -1 },
  centerLeft: { x: -1, y: 0 },
  center: { x: 0, y: 0 },
  centerRight: { x: 1, y: 0 },
  bottomLeft: { x: -1, y: 1 },
  bottomCenter: { x: 0, y: 1 },
  bottomRight: { x: 1, y: 1 },
} as const satisfies Record<string, AlignmentPoint>;

export type AlignmentName = keyof typeof ALIGNMENTS;

export const ALIGNMENT_NAMES = Object.keys(ALIGNMENTS) as readonly AlignmentName[];

export interface AlignmentPoint {
  readonly x: number;
  readonly y: number;
}

/** Resolves an alignment name or `{x,y}` point to a point. */
export function resolveAlignment(value: AlignmentName | AlignmentPoint): AlignmentPoint {
  if (typeof value === 'string') return ALIGNMENTS[value];
  return { x: value.x, y: value.y };
}
