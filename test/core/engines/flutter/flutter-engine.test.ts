import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFlutterEngine, type FlutterCaptureRequest } from '../../../../src/core/engines/flutter/flutter-engine.js';
import type { RenderEvent } from '../../../../src/core/pipeline/events.js';
import { FAKE_FLUTTER, makeProject } from './fake-flutter-setup.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'flutter-engine-test-'));
const project = makeProject(path.join(work, 'app'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('createFlutterEngine', () => {
  it('captures into the caller sandbox and returns the checked manifest', async () => {
    const sandbox = mkdtempSync(path.join(work, 'sandbox-'));
    const request: FlutterCaptureRequest = {
      source: { kind: 'key', key: 'intro_card' },
      sandbox,
      projectDir: project,
      flutterPath: FAKE_FLUTTER,
      ffmpegPath: null,
      env: { PATH: process.env.PATH, FAKE_FLUTTER_KEY_SIZE: '40x20', FAKE_FLUTTER_KEY_FRAMES: '5' },
      cwd: work,
      maxFrames: null,
      aspect: null,
      quality: 'medium',
      format: 'mp4',
      posterTime: null,
    };
    const events: RenderEvent[] = [];
    const engine = createFlutterEngine();
    const result = await engine.capture(request, { signal: new AbortController().signal, emit: (event) => events.push(event) });

    expect(engine.name).toBe('flutter');
    expect(result.kind).toBe('sandbox');
    expect(result.dir).toBe(sandbox);
    expect(result.manifest).toMatchObject({ width: 40, height: 20, fps: 30, frameCount: 5, outputFileName: 'out.mp4' });
    expect(result.manifest.ffmpegArgs).toContain('23');
    expect(statSync(path.join(sandbox, 'frames.rgba')).size).toBe(40 * 20 * 4 * 5);
    expect(readdirSync(sandbox)).toEqual(expect.arrayContaining(['frames.rgba', 'manifest.json', 'progress']));
    expect(events.filter((event) => event.type === 'progress').at(-1)).toMatchObject({ completed: 5, total: 5 });
  });
});
