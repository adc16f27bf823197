/**
 * Validates a parsed JSON value as a VideoSpec and returns every problem at once: schema errors
 * with their JSON paths, renamed names, unknown properties and the document-wide rules.
 */
import { error, isWithinPath, warning, type Diagnostic } from './diagnostics.js';
import { findRenamedNames } from './renames.js';
import { checkReferences } from './rules-references.js';
import { checkSceneTiming, checkShowWindows, DEFAULT_MAX_FRAMES } from './rules-timing.js';
import { checkGradientStops, checkOutputSize, checkThemeTokens, OUTPUT_FORMATS, type OutputFormat } from './rules-values.js';
import { checkSharedElements } from './rules-shared.js';
import type { VideoSpec } from './schema/types.js';
import { VideoSizeSchema, VideoSpecSchema } from './schema/video.js';
import { findUnknownProperties } from './unknown-keys.js';
import { diagnosticsFromZodIssues } from './zod-issues.js';

export interface ValidateOptions {
  /** Report unknown properties as errors instead of warnings. Default false. */
  strict?: boolean;
  /** Maximum total frame count. Default 14 400. */
  maxFrames?: number;
  /** Output format whose size rules apply. Default: the spec's `export.mode`, else mp4. */
  format?: OutputFormat;
}

export interface ValidationReport {
  /** True when there is no error (warnings allowed). */
  readonly ok: boolean;
  /** The parsed document when `ok`, else null. */
  readonly spec: VideoSpec | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Validates `value` (parsed JSON) and reports every problem with its path. */
export function validateSpec(value: unknown, options: ValidateOptions = {}): ValidationReport {
  const renamed = findRenamedNames(value);
  // A renamed name also breaks the object around it (an unknown preset fails the whole animation),
  // so problems there are explained by the rename hint already.
  const covered = (path: string): boolean =>
    renamed.some((rename) => {
      const parent = parentPath(rename.path);
      return isWithinPath(path, rename.path) || (parent !== '' && isWithinPath(path, parent));
    });

  const unknown = findUnknownProperties(VideoSpecSchema, value)
    .filter((property) => !covered(property.path))
    .map((property) => unknownPropertyDiagnostic(property.path, property.key, property.allowed, options.strict === true));

  const parsed = VideoSpecSchema.safeParse(value);
  const schemaProblems = parsed.success ? [] : diagnosticsFromZodIssues(parsed.error.issues, value, VideoSpecSchema).filter((diagnostic) => !covered(diagnostic.path));
  const documentProblems = parsed.success ? checkDocument(parsed.data, options) : checkOutputSizeAlone(value, options);

  const diagnostics = [...renamed, ...schemaProblems, ...documentProblems, ...unknown];
  const ok = !diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  return { ok, spec: ok && parsed.success ? parsed.data : null, diagnostics };
}

function checkDocument(spec: VideoSpec, options: ValidateOptions): Diagnostic[] {
  const format = options.format ?? spec.export?.mode ?? 'mp4';
  const timing = checkSceneTiming(spec, options.maxFrames ?? DEFAULT_MAX_FRAMES);
  return [
    ...timing.diagnostics,
    ...(timing.timeline === null ? [] : checkShowWindows(spec, timing.timeline)),
    ...checkOutputSize(spec.size, format),
    ...checkReferences(spec),
    ...checkThemeTokens(spec),
    ...checkGradientStops(spec),
    ...checkSharedElements(spec),
  ];
}

/**
 * Runs the even-size rule on a document that failed to parse, so an odd size is reported in the
 * same pass as the schema errors. It runs only when `size` itself is valid and the output format
 * is known: from the options, from a valid `export.mode`, or mp4 when `export` is absent.
 */
function checkOutputSizeAlone(value: unknown, options: ValidateOptions): Diagnostic[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const record = value as Record<string, unknown>;

  const size = VideoSizeSchema.safeParse(record['size']);
  if (!size.success) return [];

  let format = options.format;
  if (format === undefined && record['export'] !== undefined) {
    const exportValue = record['export'];
    const mode = typeof exportValue === 'object' && exportValue !== null ? (exportValue as Record<string, unknown>)['mode'] : undefined;
    format = OUTPUT_FORMATS.find((known) => known === mode);
    if (format === undefined) return [];
  }
  return checkOutputSize(size.data, format ?? 'mp4');
}

function unknownPropertyDiagnostic(path: string, key: string, allowed: readonly string[], strict: boolean): Diagnostic {
  const message = `unknown property ${JSON.stringify(key)}; allowed here: ${allowed.join(', ')}`;
  return strict ? error(path, 'unknown_property', message) : warning(path, 'unknown_property', message);
}

function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? '' : path.slice(0, cut);
}
