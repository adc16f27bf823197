/** The {@link DartPrinter} of `spec_to_dart`: validates the spec, then prints it with the project's Dart printer. */
import { FluvieError } from '../../core/errors.js';
import { validateSpec } from '../../spec/index.js';
import { printVideoSpecDart } from '../../spec/to-dart/index.js';

/**
 * Returns the Dart `Video build()` source of `value`.
 * @throws FluvieError `spec_invalid` listing the errors of an invalid spec, or `unsupported_feature`
 *   naming the first JSON path the printer has no Dart form for.
 */
export function printSpecDart(value: unknown): string {
  const report = validateSpec(value);
  if (!report.ok || report.spec === null) {
    const errors = report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    const lines = errors.map((diagnostic) => `${diagnostic.path === '' ? '(root)' : diagnostic.path}: ${diagnostic.message}`);
    throw new FluvieError('spec_invalid', `the spec is invalid (${lines.join('; ')}); check it with validate_spec`);
  }
  return printVideoSpecDart(report.spec);
}
