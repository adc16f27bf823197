/** Reads a VideoSpec file: JSON syntax errors with line and column, then full validation. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { FluvieError } from '../core/errors.js';
import type { Diagnostic } from './diagnostics.js';
import type { VideoSpec } from './schema/types.js';
import { validateSpec, type ValidateOptions } from './validate.js';

export interface LoadedSpec {
  readonly spec: VideoSpec;
  /** Warnings found while validating (errors make loading fail). */
  readonly diagnostics: readonly Diagnostic[];
  /** Folder of the spec file; relative media paths resolve against it. */
  readonly baseDir: string;
}

/** Position of a JSON syntax error, both 1-based. */
export interface JsonErrorLocation {
  readonly line: number;
  readonly column: number;
  readonly problem: string;
}

/**
 * Parses strict JSON (no comments, no trailing commas).
 * @throws FluvieError `spec_invalid` naming the file, line and column of the first syntax error.
 */
export function parseSpecJson(text: string, fileName: string): unknown {
  const location = findJsonError(text);
  if (location !== null) {
    throw new FluvieError('spec_invalid', `${fileName}:${location.line}:${location.column}: invalid JSON: ${location.problem}`, { details: { fileName, ...location } });
  }
  return JSON.parse(text) as unknown;
}

/** Returns the first JSON syntax error in `text`, or null when it is valid JSON. */
export function findJsonError(text: string): JsonErrorLocation | null {
  const errors: ParseError[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  parse(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first === undefined) return null;

  const offset = first.offset + (body === text ? 0 : 1);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column, problem: describeParseError(printParseErrorCode(first.error)) };
}

function describeParseError(code: string): string {
  // printParseErrorCode returns names such as `PropertyNameExpected`.
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words === 'invalid symbol' ? 'unexpected character' : words;
}

/**
 * Reads a spec file as UTF-8 text.
 * @throws FluvieError `file_not_found` (exit 1) naming the path and why it cannot be read.
 */
export async function readSpecText(filePath: string): Promise<string> {
  try {
    return await readFile(filePath, 'utf8');
  } catch (cause: unknown) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new FluvieError('file_not_found', `Spec file ${filePath} is a folder, not a file. Pass the path of a .fluvie.json file.`, { cause });
    const reason = code === 'ENOENT' ? 'no such file' : 'cannot read it';
    throw new FluvieError('file_not_found', `Spec file ${filePath} not found (${reason}); check the path`, { cause });
  }
}

/**
 * Reads, parses and validates a spec file.
 * @throws FluvieError `file_not_found` when the file cannot be read, `spec_invalid` when the JSON
 * is malformed or the spec has errors (the diagnostics are in `details.diagnostics`).
 */
export async function loadSpecFile(filePath: string, options: ValidateOptions = {}): Promise<LoadedSpec> {
  const text = await readSpecText(filePath);
  const report = validateSpec(parseSpecJson(text, filePath), options);
  if (!report.ok || report.spec === null) {
    const errors = report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    const lines = errors.map((diagnostic) => `  ${diagnostic.path === '' ? '(root)' : diagnostic.path}: ${diagnostic.message}`);
    throw new FluvieError('spec_invalid', `Spec ${filePath} is invalid (${errors.length} error${errors.length === 1 ? '' : 's'}):\n${lines.join('\n')}`, {
      details: { diagnostics: report.diagnostics },
    });
  }
  return { spec: report.spec, diagnostics: report.diagnostics, baseDir: path.dirname(path.resolve(filePath)) };
}
