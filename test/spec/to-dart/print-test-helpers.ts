/** Helpers for the Dart printer tests: validate a spec, and print one scene's children. */
import { expect } from 'vitest';
import { validateSpec, type VideoSpec } from '../../../src/spec/index.js';
import { printVideoSpecDart } from '../../../src/spec/to-dart/index.js';
import { FluvieError } from '../../../src/core/errors.js';
import { dartSyntaxProblems } from './dart-syntax-check.js';

/** Validates `value` and returns the parsed spec; a test spec with errors fails the test. */
export function spec(value: unknown): VideoSpec {
  const report = validateSpec(value);
  const errors = report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (report.spec === null || errors.length > 0) throw new Error(`invalid test spec: ${JSON.stringify(report.diagnostics)}`);
  return report.spec;
}

/** Prints `value` and checks that the output is structurally valid Dart. */
export function printSpec(value: unknown): string {
  const code = printVideoSpecDart(spec(value));
  expect(dartSyntaxProblems(code)).toEqual([]);
  return code;
}

/**
 * Prints a one-scene spec with `children`, plus any top-level keys in `extra`, and joins the
 * output into one-line calls (see {@link oneLine}) so fragments can be matched whatever the layout.
 */
export function printChildren(children: unknown[], extra: Record<string, unknown> = {}): string {
  return oneLine(printSpec({ ...extra, scenes: [{ duration: '2s', children }] }));
}

/**
 * Undoes the printer's line breaking: arguments split one per line with trailing commas are joined
 * back into `name(a, b)`, the form a call takes when it fits on one line.
 */
export function oneLine(code: string): string {
  return code
    .replace(/([([])\n\s*/g, '$1')
    .replace(/,\n\s*([)\]])/g, '$1')
    .replace(/,\n\s*/g, ', ')
    .replace(/\n\s*([)\]])/g, '$1');
}

/** The error message of printing `value`, which must fail with `unsupported_feature`. */
export function printError(value: unknown): string {
  try {
    printVideoSpecDart(spec(value));
  } catch (error: unknown) {
    expect(error).toBeInstanceOf(FluvieError);
    expect((error as FluvieError).code).toBe('unsupported_feature');
    return (error as FluvieError).message;
  }
  throw new Error('expected the print to fail');
}
