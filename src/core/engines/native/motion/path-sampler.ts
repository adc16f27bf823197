/**
 * Arc-length sampling of an SVG path (commands M, L, H, V, C, Q, Z, absolute and relative), for
 * the `along` preset. Curves are flattened into 32 line segments each, so positions are within a
 * fraction of a pixel of the exact arc-length point for paths of ordinary size.
 */
import { FluvieError } from '../../../errors.js';

const CURVE_SEGMENTS = 32;

export interface PathPoint {
  x: number;
  y: number;
  /** Direction of travel in radians, clockwise from +x in screen coordinates. */
  angle: number;
}

export interface PathSampler {
  readonly length: number;
  /** The point at `clamp(progress, 0, 1)` of the total arc length. */
  at(progress: number): PathPoint;
}

interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  length: number;
}

export function createPathSampler(data: string, path: string): PathSampler {
  const segments = flatten(data, path);
  const length = segments.reduce((sum, segment) => sum + segment.length, 0);
  return {
    length,
    at(progress) {
      if (length === 0) return { x: 0, y: 0, angle: 0 };
      let distance = Math.min(Math.max(progress, 0), 1) * length;
      for (const segment of segments) {
        if (distance <= segment.length || segment === segments[segments.length - 1]) {
          const t = segment.length === 0 ? 0 : Math.min(distance / segment.length, 1);
          return {
            x: segment.x0 + (segment.x1 - segment.x0) * t,
            y: segment.y0 + (segment.y1 - segment.y0) * t,
            angle: Math.atan2(segment.y1 - segment.y0, segment.x1 - segment.x0),
          };
        }
        distance -= segment.length;
      }
      return { x: 0, y: 0, angle: 0 };
    },
  };
}

function flatten(data: string, path: string): Segment[] {
  const tokens = data.match(/[MLHVCQZmlhvcqz]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
  const segments: Segment[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let command = '';
  let index = 0;
  const number = (): number => {
    const token = tokens[index++];
    const value = token === undefined ? Number.NaN : Number(token);
    if (!Number.isFinite(value)) {
      throw new FluvieError('spec_invalid', `${path} is not a valid SVG path near token ${index} of "${data}"; use M, L, H, V, C, Q and Z commands with numbers`);
    }
    return value;
  };
  const lineTo = (nx: number, ny: number): void => {
    segments.push({ x0: x, y0: y, x1: nx, y1: ny, length: Math.hypot(nx - x, ny - y) });
    x = nx;
    y = ny;
  };
  const curveTo = (point: (t: number) => [number, number]): void => {
    for (let i = 1; i <= CURVE_SEGMENTS; i += 1) {
      const [nx, ny] = point(i / CURVE_SEGMENTS);
      lineTo(nx, ny);
    }
  };

  while (index < tokens.length) {
    const token = tokens[index]!;
    if (/[A-Za-z]/.test(token)) {
      command = token;
      index += 1;
    } else if (command === '') {
      throw new FluvieError('spec_invalid', `${path} must start with a command such as "M", got "${token}"`);
    }
    const relative = command === command.toLowerCase();
    const ox = relative ? x : 0;
    const oy = relative ? y : 0;
    switch (command.toUpperCase()) {
      case 'M': {
        x = ox + number();
        y = oy + number();
        startX = x;
        startY = y;
        // Further coordinate pairs after a move are line-tos.
        command = relative ? 'l' : 'L';
        break;
      }
      case 'L':
        lineTo(ox + number(), oy + number());
        break;
      case 'H':
        lineTo(ox + number(), y);
        break;
      case 'V':
        lineTo(x, oy + number());
        break;
      case 'C': {
        const [x0, y0] = [x, y];
        const [x1, y1, x2, y2, x3, y3] = [ox + number(), oy + number(), ox + number(), oy + number(), ox + number(), oy + number()];
        curveTo((t) => {
          const u = 1 - t;
          return [u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3, u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3];
        });
        break;
      }
      case 'Q': {
        const [x0, y0] = [x, y];
        const [x1, y1, x2, y2] = [ox + number(), oy + number(), ox + number(), oy + number()];
        curveTo((t) => {
          const u = 1 - t;
          return [u * u * x0 + 2 * u * t * x1 + t * t * x2, u * u * y0 + 2 * u * t * y1 + t * t * y2];
        });
        break;
      }
      case 'Z':
        lineTo(startX, startY);
        // Z takes no numbers, so a number right after it is an error, not a repeat.
        command = '';
        break;
      default:
        throw new FluvieError('spec_invalid', `${path} uses SVG path command "${command}", which is not supported; use M, L, H, V, C, Q and Z`);
    }
  }
  return segments;
}
