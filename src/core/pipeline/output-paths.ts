/**
 * Output naming rules shared by the CLI and the server.
 */
import path from 'node:path';
import type { OutputFormat } from './render-request.js';

const EXTENSIONS: Readonly<Record<OutputFormat, string>> = {
  mp4: '.mp4',
  gif: '.gif',
  transparent: '.webm',
  // An image sequence is a folder of frame_000000.png files.
  imageSequence: '',
};

export function extensionFor(format: OutputFormat): string {
  return EXTENSIONS[format];
}

/** `<out without extension>.poster.png`, beside the output (for a sequence folder: beside the folder). */
export function posterPathFor(out: string): string {
  const parsed = path.parse(out);
  return path.join(parsed.dir, `${parsed.name}.poster.png`);
}

/**
 * Default output for a spec file: its name without `.fluvie.json` / `.json`, with the format's
 * extension, in `cwd`.
 */
export function defaultOutputPath(specPath: string, format: OutputFormat, cwd: string): string {
  const base = path.basename(specPath).replace(/\.fluvie\.json$|\.json$/i, '');
  return path.join(cwd, `${base}${extensionFor(format)}`);
}
