/**
 * The render flags, declared once as data. The `render` command (and later `prompt` / `edit`) build
 * their commander options from this table, and the README options table is checked against it.
 */
import { InvalidArgumentError, Option } from 'commander';
import { ASPECTS, ENGINE_CHOICES, OUTPUT_FORMATS, QUALITIES } from '../core/pipeline/render-request.js';

export interface FlagDefinition {
  /** commander flag syntax, e.g. `--format <format>`. */
  readonly flags: string;
  /** Help text: what it sets, its unit and allowed values. */
  readonly description: string;
  readonly defaultValue?: string | boolean;
  readonly choices?: readonly string[];
  readonly parse?: (value: string) => unknown;
}

/** Parses a positive whole number, or raises a commander usage error naming the value. */
export function parsePositiveInteger(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed) || parsed < 1) {
    throw new InvalidArgumentError(`expected a positive whole number, got "${value}".`);
  }
  return parsed;
}

export const RENDER_FLAGS: readonly FlagDefinition[] = [
  { flags: '--spec <file>', description: 'VideoSpec JSON file to render (instead of a composition key)' },
  {
    flags: '-o, --out <path>',
    description: "output file, or folder for imageSequence (default: the spec's name with the format's extension in the current folder)",
  },
  {
    flags: '--format <format>',
    description: 'output format (default: from the --out extension .mp4, .gif or .webm, else mp4)',
    choices: OUTPUT_FORMATS,
  },
  { flags: '--quality <quality>', description: 'mp4 quality: CRF 28, 23, 18 or 14', defaultValue: 'high', choices: QUALITIES },
  { flags: '--aspect <aspect>', description: "change the canvas aspect, keeping the video's long edge", choices: ASPECTS },
  {
    flags: '--poster <time>',
    description: 'also write <out>.poster.png from the frame at this time (30f, 1.5s, 500ms, 0.5r)',
  },
  { flags: '--frames <n>', description: 'render only the first n frames', parse: parsePositiveInteger },
  {
    flags: '--engine <engine>',
    description: 'capture engine: native draws specs in Node, flutter runs the project harness, auto picks',
    defaultValue: 'auto',
    choices: ENGINE_CHOICES,
  },
  { flags: '--allow-unsupported', description: 'render what the native engine can draw and warn about the rest' },
  { flags: '--allow-network', description: 'download network media sources (http(s), public addresses only, size and time limits)' },
  { flags: '--strict', description: 'treat unknown spec properties as errors' },
  { flags: '--ffmpeg <path>', description: 'ffmpeg binary (default: $FLUVIE_FFMPEG, $FFMPEG_PATH, PATH, then the bundled build)' },
  { flags: '--project <dir>', description: 'Flutter project with the capture harness (default: $RENDER_PROJECT, then search upwards)' },
  { flags: '--flutter <path>', description: 'flutter binary (default: $FLUTTER_PATH, then PATH)' },
  { flags: '--keep-temp', description: 'keep the flutter engine\'s render sandbox and print where it is (the native engine has none)' },
  { flags: '-v, --verbose', description: 'print engine, ffmpeg and harness details on stderr' },
  { flags: '--json', description: 'print NDJSON events on stdout instead of progress' },
];

/** Turns a table row into a commander Option. */
export function toOption(definition: FlagDefinition): Option {
  const option = new Option(definition.flags, definition.description);
  if (definition.choices) option.choices([...definition.choices]);
  if (definition.defaultValue !== undefined) option.default(definition.defaultValue);
  if (definition.parse) option.argParser(definition.parse);
  return option;
}
