/** Value rules that span fields: theme token references, gradient stops and output dimensions. */
import { error, formatPath, type Diagnostic, type PathSegment } from './diagnostics.js';
import type { VideoSpec } from './schema/types.js';
import { resolveVideoSize } from './size.js';

/** Output formats; the even-size rule depends on the pixel format each one encodes to. */
export const OUTPUT_FORMATS = ['mp4', 'gif', 'transparent', 'imageSequence'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** yuv420p (mp4) and yuva420p (transparent webm) subsample chroma 2x2, so both axes must be even. */
const EVEN_SIZE_FORMATS: ReadonlySet<OutputFormat> = new Set(['mp4', 'transparent']);

/**
 * Rejects odd dimensions for formats whose pixel format needs even ones. Takes the `size` value
 * alone, so the rule also runs when other parts of the document are invalid.
 */
export function checkOutputSize(sizeValue: VideoSpec['size'], format: OutputFormat): Diagnostic[] {
  if (!EVEN_SIZE_FORMATS.has(format)) return [];

  const size = resolveVideoSize(sizeValue);
  const pixelFormat = format === 'mp4' ? 'yuv420p' : 'yuva420p';
  const found: Diagnostic[] = [];
  for (const axis of ['width', 'height'] as const) {
    const value = size[axis];
    if (value % 2 === 0) continue;
    const nearest = value - 1 >= 2 ? `${value - 1} or ${value + 1}` : `${value + 1}`;
    found.push(error(formatPath(['size', axis]), 'odd_size', `${axis} ${value} is odd, but ${format} output (${pixelFormat}) needs even dimensions; use ${nearest}, or render to gif or imageSequence`));
  }
  return found;
}

/** Token references must name an entry of `theme.palette` (colours) or `theme.typeScale` (text styles). */
export function checkThemeTokens(spec: VideoSpec): Diagnostic[] {
  const palette = Object.keys(spec.theme?.palette ?? {});
  const typeScale = Object.keys(spec.theme?.typeScale ?? {});
  const found: Diagnostic[] = [];

  const visit = (value: unknown, path: PathSegment[]): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
      return;
    }
    if (typeof value !== 'object' || value === null) return;

    const record = value as Record<string, unknown>;
    const token = record['token'];
    if (typeof token === 'string') {
      const isStyle = path[path.length - 1] === 'style';
      const names = isStyle ? typeScale : palette;
      if (!names.includes(token)) {
        const table = isStyle ? 'theme.typeScale' : 'theme.palette';
        found.push(error(formatPath([...path, 'token']), 'missing_token', `token ${JSON.stringify(token)} is not defined in ${table} (${names.length === 0 ? 'it is empty' : `defined: ${names.join(', ')}`})`));
      }
    }
    for (const [key, item] of Object.entries(record)) {
      if (key !== 'theme' && key !== 'editor') visit(item, [...path, key]);
    }
  };
  visit(spec, []);
  return found;
}

/** Gradient `stops` give one position per colour. */
export function checkGradientStops(spec: VideoSpec): Diagnostic[] {
  const found: Diagnostic[] = [];
  const visit = (value: unknown, path: PathSegment[]): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
      return;
    }
    if (typeof value !== 'object' || value === null) return;

    const record = value as Record<string, unknown>;
    const colors = record['colors'];
    const stops = record['stops'];
    if (Array.isArray(colors) && Array.isArray(stops) && colors.length !== stops.length) {
      found.push(error(formatPath([...path, 'stops']), 'stops_mismatch', `${stops.length} stops for ${colors.length} colours; give one stop per colour or leave "stops" out for even spacing`));
    }
    if (Array.isArray(stops) && stops.some((stop, index) => index > 0 && (stop as number) < (stops[index - 1] as number))) {
      found.push(error(formatPath([...path, 'stops']), 'stops_order', 'gradient stops must not decrease'));
    }
    for (const [key, item] of Object.entries(record)) {
      if (key !== 'editor') visit(item, [...path, key]);
    }
  };
  visit(spec, []);
  return found;
}
