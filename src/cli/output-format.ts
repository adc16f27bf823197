/**
 * Picks the output format from `--format` and the extension of `--out`, so `--out x.gif` writes a
 * GIF and `--format gif --out y.mp4` is rejected instead of writing a GIF named `.mp4`.
 */
import path from 'node:path';
import { FluvieError } from '../core/errors.js';
import { extensionFor } from '../core/pipeline/output-paths.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../core/pipeline/render-request.js';

/** Format used when neither `--format` nor a known `--out` extension names one. */
export const DEFAULT_OUTPUT_FORMAT: OutputFormat = 'mp4';

/**
 * Returns the format that the extension of `out` implies, or null for a folder (trailing
 * separator), a path without extension, or an extension no format writes.
 */
export function formatFromExtension(out: string): OutputFormat | null {
  if (out.endsWith('/') || out.endsWith(path.sep)) return null;
  const extension = path.extname(out).toLowerCase();
  if (extension === '') return null;
  return OUTPUT_FORMATS.find((format) => extensionFor(format) === extension) ?? null;
}

/**
 * Resolves the output format. An explicit `--format` wins when `--out` has no known extension;
 * without `--format` the extension decides, else mp4. Raises a `usage` error (exit 64) when both
 * are given and disagree.
 */
export function resolveOutputFormat(formatFlag: string | undefined, out: string | undefined): OutputFormat {
  const implied = out === undefined ? null : formatFromExtension(out);
  if (formatFlag === undefined) return implied ?? DEFAULT_OUTPUT_FORMAT;

  const format = formatFlag as OutputFormat;
  if (implied !== null && implied !== format) {
    throw new FluvieError(
      'usage',
      `--format ${format} conflicts with --out ${out}, whose extension means ${implied}. Drop --format, or give --out a name that fits ${format} (for example ${suggestedName(out ?? '', format)}).`,
    );
  }
  return format;
}

function suggestedName(out: string, format: OutputFormat): string {
  const parsed = path.parse(out);
  // An image sequence is written to a folder, so its suggestion ends with a separator.
  const ending = format === 'imageSequence' ? path.sep : extensionFor(format);
  return path.join(parsed.dir, `${parsed.name}${ending}`);
}
