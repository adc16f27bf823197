/** VideoSpec to Dart: the `Video build()` printer. */
export { printVideoSpecDart } from './print-dart.js';
export { DartPrintError } from './dart-print-error.js';
