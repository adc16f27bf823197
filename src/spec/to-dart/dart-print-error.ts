/** Raised when part of a spec has no Dart form in the printer. */
import { FluvieError } from '../../core/errors.js';

export class DartPrintError extends FluvieError {
  constructor(path: string, reason: string) {
    super('unsupported_feature', `Cannot print ${path === '' ? 'the spec' : path} as Dart: ${reason}.`, { details: { path } });
  }
}
