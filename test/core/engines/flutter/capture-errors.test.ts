import { describe, expect, it } from 'vitest';
import { captureExitError, findUnknownKey, missingManifestError } from '../../../../src/core/engines/flutter/capture-errors.js';
import type { FlutterProcessExit } from '../../../../src/core/engines/flutter/capture-process.js';

const command = 'flutter test --no-pub test/render/capture_harness_test.dart';

function exited(exitCode: number, outputTail = ''): FlutterProcessExit {
  return { kind: 'exited', exitCode, outputTail, command };
}

describe('captureExitError', () => {
  it('returns null for exit 0', () => {
    expect(captureExitError(exited(0), null, 'demo')).toBeNull();
  });

  it('quotes the command and the output tail', () => {
    const error = captureExitError(exited(1, 'line one\nCompilation failed\n'), null, 'demo');
    expect(error?.code).toBe('capture_failed');
    expect(error?.message).toContain('exited with code 1');
    expect(error?.message).toContain(command);
    expect(error?.message).toContain('Compilation failed');
  });

  it('names the signal of a killed run', () => {
    expect(captureExitError({ kind: 'signaled', signal: 'SIGKILL', outputTail: '', command }, null, 'demo')?.message).toContain('killed by SIGKILL');
  });

  it('turns the unknown-key marker into a not_found error with the fix', () => {
    const error = captureExitError(exited(1), 'Unknown composition key "nope". Known keys: demo', 'nope');
    expect(error?.code).toBe('not_found');
    expect(error?.message).toContain('Unknown composition key "nope"');
    expect(error?.message).toContain('(Known keys: demo)');
    expect(error?.message).toContain('Run `fluvie-render list`');
  });

  it('keeps harness text that does not repeat the key', () => {
    expect(captureExitError(exited(1), 'no such key', 'nope')?.message).toContain('(no such key)');
    expect(captureExitError(exited(1), '', 'nope')?.message).toContain('registered under that key. Run');
  });

  it('gives the install hint when flutter cannot start', () => {
    const error = captureExitError({ kind: 'spawnFailed', message: 'spawn flutter ENOENT', command }, null, 'demo');
    expect(error?.code).toBe('unavailable');
    expect(error?.message).toContain('Install the Flutter SDK');
  });
});

describe('findUnknownKey', () => {
  it('returns the text after the marker', () => {
    expect(findUnknownKey('00:01 +0: x\nfluvie-unknown-key: Unknown composition key "a"\n')).toBe('Unknown composition key "a"');
    expect(findUnknownKey('no marker here')).toBeNull();
  });
});

describe('missingManifestError', () => {
  it('says the capture did not complete', () => {
    const error = missingManifestError(exited(0, 'All tests passed!'));
    expect(error.code).toBe('capture_failed');
    expect(error.message).toContain('capture failed before completing its frames');
    expect(error.message).toContain('All tests passed!');
  });
});
