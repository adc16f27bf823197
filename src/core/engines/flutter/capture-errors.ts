/** Turns how a `flutter test` capture ended into the error the user sees (pure). */
import { FluvieError } from '../../errors.js';
import type { FlutterProcessExit } from './capture-process.js';

export const UNKNOWN_KEY_MARKER = 'fluvie-unknown-key:';

const FLUTTER_INSTALL_HINT = 'Install the Flutter SDK and put it on PATH, or pass --flutter <path> (or set FLUTTER_PATH).';

/** Returns the text after the `fluvie-unknown-key:` marker in `output` (the harness's message), or null when there is none. */
export function findUnknownKey(output: string): string | null {
  for (const line of output.split(/\r?\n/)) {
    const at = line.indexOf(UNKNOWN_KEY_MARKER);
    if (at >= 0) return line.slice(at + UNKNOWN_KEY_MARKER.length).trim();
  }
  return null;
}

/**
 * Returns the error for a capture that did not exit 0, or null when it did. `unknownKeyText` is the
 * harness's text after the unknown-key marker, and `requestedKey` the key fluvie-render passed.
 */
export function captureExitError(exit: FlutterProcessExit, unknownKeyText: string | null, requestedKey: string): FluvieError | null {
  if (exit.kind === 'spawnFailed') {
    return new FluvieError('unavailable', `Could not start flutter (${exit.message}). ${FLUTTER_INSTALL_HINT}`);
  }
  if (exit.kind === 'exited' && exit.exitCode === 0) return null;

  if (unknownKeyText !== null) {
    // Fluvie's harnesses print `Unknown composition key "<key>". Known keys: …`; keep only what adds to our sentence.
    const extra = unknownKeyText.replace(/^Unknown composition key "[^"]*"\.?\s*/i, '').replace(/\.$/, '');
    const harnessText = extra === '' ? '' : ` (${extra})`;
    return new FluvieError('not_found', `Unknown composition key "${requestedKey}": the harness has no composition registered under that key${harnessText}. Run \`fluvie-render list\` to see the valid keys.`, { details: { key: requestedKey } });
  }
  const how = exit.kind === 'exited' ? `exited with code ${exit.exitCode}` : `was killed by ${exit.signal}`;
  const tail = exit.outputTail.trim() === '' ? '(no output)' : exit.outputTail.trimEnd();
  return new FluvieError('capture_failed', `flutter test ${how} during capture.\nCommand: ${exit.command}\nLast output:\n${tail}`, {
    details: { exitCode: exit.kind === 'exited' ? exit.exitCode : null, signal: exit.kind === 'signaled' ? exit.signal : null, outputTail: exit.outputTail },
  });
}

/** The error for a harness that exited 0 without writing its manifest. */
export function missingManifestError(exit: FlutterProcessExit): FluvieError {
  const tail = exit.kind === 'spawnFailed' ? '' : exit.outputTail.trimEnd();
  return new FluvieError('capture_failed', `The capture failed before completing its frames: flutter test exited without writing manifest.json. Check that the harness implements the Fluvie render protocol (fluvie-render init writes one).${tail === '' ? '' : `\nLast output:\n${tail}`}`);
}
