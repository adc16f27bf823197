/** Runs `fluvie-render spec validate`: checks each file and prints text lines or one JSON report. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { error, type Diagnostic } from '../../spec/diagnostics.js';
import { findJsonError } from '../../spec/load.js';
import { listMediaFiles } from '../../spec/media-files.js';
import { findMissingMediaFiles } from '../../core/pipeline/check-media-files.js';
import { validateSpec } from '../../spec/validate.js';
import type { CliContext } from '../context.js';
import type { SpecValidateFlags } from './spec.js';

export interface FileReport {
  readonly file: string;
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

export async function runSpecValidate(files: readonly string[], flags: SpecValidateFlags, context: CliContext): Promise<void> {
  const reports: FileReport[] = [];
  for (const file of files) reports.push(await checkFile(file, flags, context.cwd));

  const ok = reports.every((report) => report.ok);
  if (flags.json === true) {
    context.stdout.write(`${JSON.stringify({ ok, files: reports })}\n`);
  } else {
    for (const report of reports) {
      for (const diagnostic of report.diagnostics) context.stdout.write(`${formatDiagnostic(report.file, diagnostic)}\n`);
    }
    context.stdout.write(`${summarize(reports)}\n`);
  }
  if (!ok) context.exitCode = 1;
}

/** Reads, parses and validates one file; read and JSON syntax failures become error diagnostics. */
export async function checkFile(file: string, flags: SpecValidateFlags, cwd: string): Promise<FileReport> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (cause: unknown) {
    return { file, ok: false, diagnostics: [error('', 'file_not_found', `${describeReadFailure(cause)}; check the path`)] };
  }

  const syntax = findJsonError(text);
  if (syntax !== null) {
    return { file, ok: false, diagnostics: [error('', 'invalid_json', `invalid JSON at line ${syntax.line}, column ${syntax.column}: ${syntax.problem}`)] };
  }

  const report = validateSpec(JSON.parse(text) as unknown, {
    strict: flags.strict === true,
    ...(flags.format === undefined ? {} : { format: flags.format }),
    ...(flags.maxFrames === undefined ? {} : { maxFrames: flags.maxFrames }),
  });
  if (flags.checkFiles !== true || report.spec === null) return { file, ok: report.ok, diagnostics: report.diagnostics };

  const missing = await findMissingMediaFiles(listMediaFiles(report.spec, path.dirname(path.resolve(cwd, file))));
  const fileErrors = missing.map((item) => error(item.path, 'file_not_found', `${item.kind} file not found: ${item.file}`));
  return { file, ok: report.ok && fileErrors.length === 0, diagnostics: [...report.diagnostics, ...fileErrors] };
}

function describeReadFailure(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'is a folder, not a file';
  return `cannot read the file (${code ?? String(cause)})`;
}

/** Formats one problem as a text line: `file: path: severity: message`. */
export function formatDiagnostic(file: string, diagnostic: Diagnostic): string {
  return `${file}: ${diagnostic.path === '' ? '(root)' : diagnostic.path}: ${diagnostic.severity}: ${diagnostic.message}`;
}

/** Builds the closing line: files checked, how many are invalid, error and warning counts. */
export function summarize(reports: readonly FileReport[]): string {
  const count = (severity: Diagnostic['severity']): number => reports.reduce((total, report) => total + report.diagnostics.filter((item) => item.severity === severity).length, 0);
  const invalid = reports.filter((report) => !report.ok).length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const verdict = invalid === 0 ? `${reports.length === 1 ? 'valid' : 'all valid'}` : `${invalid} invalid`;
  return `${plural(reports.length, 'file')} checked, ${verdict}: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}`;
}
