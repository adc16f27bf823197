import { describe, expect, it } from 'vitest';
import { buildCaptureArgs, buildListArgs, type CaptureInvocation } from '../../../../src/core/engines/flutter/dart-defines.js';

const base: CaptureInvocation = {
  harnessPath: 'test/render/capture_harness_test.dart',
  key: 'demo',
  outDir: '/tmp/fluvie_render_x',
  frames: null,
  noCache: false,
  aspect: null,
  quality: null,
  format: null,
  poster: null,
  enableImpeller: false,
  extraDefines: [],
};

describe('buildCaptureArgs', () => {
  it('emits only the fixed defines when nothing is optional', () => {
    expect(buildCaptureArgs(base)).toEqual([
      'test',
      '--no-pub',
      'test/render/capture_harness_test.dart',
      '--dart-define=FLUVIE_RENDER_KEY=demo',
      '--dart-define=FLUVIE_RENDER_OUT_DIR=/tmp/fluvie_render_x',
    ]);
  });

  it('orders every define as the harness protocol does', () => {
    const args = buildCaptureArgs({
      ...base,
      key: '',
      frames: 10,
      noCache: true,
      aspect: 'square',
      quality: 'max',
      format: 'gif',
      poster: '1.5s',
      enableImpeller: true,
      extraDefines: [
        ['FLUVIE_RENDER_SPEC', '/abs/spec.fluvie.json'],
        ['FLUVIE_BLOCK_FILE_SOURCES', 'true'],
      ],
    });
    expect(args).toEqual([
      'test',
      '--no-pub',
      '--enable-impeller',
      'test/render/capture_harness_test.dart',
      '--dart-define=FLUVIE_RENDER_KEY=',
      '--dart-define=FLUVIE_RENDER_OUT_DIR=/tmp/fluvie_render_x',
      '--dart-define=FLUVIE_RENDER_FRAMES=10',
      '--dart-define=FLUVIE_RENDER_NO_CACHE=true',
      '--dart-define=FLUVIE_RENDER_ASPECT=square',
      '--dart-define=FLUVIE_RENDER_QUALITY=max',
      '--dart-define=FLUVIE_RENDER_FORMAT=gif',
      '--dart-define=FLUVIE_RENDER_POSTER=1.5s',
      '--dart-define=FLUVIE_RENDER_SPEC=/abs/spec.fluvie.json',
      '--dart-define=FLUVIE_BLOCK_FILE_SOURCES=true',
    ]);
  });
});

describe('buildListArgs', () => {
  it('asks the harness for its keys', () => {
    expect(buildListArgs('test/render/capture_harness_test.dart')).toEqual(['test', '--no-pub', 'test/render/capture_harness_test.dart', '--dart-define=FLUVIE_RENDER_LIST=true']);
  });
});
