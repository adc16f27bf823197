import { describe, expect, it } from 'vitest';
import { printChildren, printError } from './print-test-helpers.js';

describe('media elements in Dart', () => {
  it('prints Image extras and frames', () => {
    const code = printChildren([
      { type: 'Image', source: { kind: 'network', value: 'https://x.dev/a.png' }, fit: 'cover', cornerRadius: 12, crop: { x: 0.1, y: 0, w: 0.5, h: 1 }, frame: { style: 'card', radius: 4, elevation: 8 } },
      { type: 'Image', source: { kind: 'bundle', value: 'media/b.png' }, frame: { style: 'polaroid', caption: 'Us' } },
      { type: 'Image', source: { kind: 'file', value: '/tmp/c.png' }, frame: { style: 'rounded' } },
      { type: 'Image', source: { kind: 'asset', value: 'd.png' }, frame: { style: 'none' } },
    ]);
    expect(code).toContain(
      "Image.network('https://x.dev/a.png', fit: BoxFit.cover, cornerRadius: 12, crop: Rect.fromLTWH(0.1, 0, 0.5, 1), frame: PhotoFrame.card(radius: 4, elevation: 8))",
    );
    expect(code).toContain("Image.asset('media/b.png', frame: PhotoFrame.polaroid(caption: 'Us'))");
    expect(code).toContain("Image.file('/tmp/c.png', frame: PhotoFrame.rounded())");
    expect(code).toContain("Image.asset('d.png', frame: PhotoFrame.none())");
  });

  it('prints a Clip with trim, audio, poster and speed', () => {
    const code = printChildren([
      {
        type: 'Clip',
        source: { kind: 'network', value: 'https://x.dev/v.mp4' },
        trim: { from: '1s', to: '3s' },
        fit: 'contain',
        volume: 0.5,
        fadeIn: '10f',
        poster: { kind: 'network', value: 'https://x.dev/p.png' },
        speed: -2,
      },
    ]);
    expect(code).toContain(
      "Clip.network(Uri.parse('https://x.dev/v.mp4'), trim: TimeRange(1.seconds, 3.seconds), fit: BoxFit.contain, audio: ClipAudio.included(volume: 0.5, fadeIn: 10.frames), poster: MediaSource.network(Uri.parse('https://x.dev/p.png')), speed: -2)",
    );
  });

  it('prints a keyframed speed as a ramp', () => {
    const code = printChildren([{ type: 'Clip', source: { kind: 'file', value: '/v.mp4' }, speed: { values: [1, 4], positions: ['0f', '1s'], easings: ['in'] } }]);
    expect(code).toContain("Clip.file('/v.mp4', speedRamp: KeyframedNumber(values: [1, 4], positions: [0.frames, 1.seconds], easings: [Ease.in_]))");
  });

  it('mutes a clip with volume 0', () => {
    expect(printChildren([{ type: 'Clip', source: { kind: 'asset', value: 'v.mp4' }, volume: 0 }])).toContain("Clip.asset('v.mp4', audio: ClipAudio.muted())");
  });

  it('applies lane gain and mute to clip audio', () => {
    const code = printChildren(
      [
        { type: 'Clip', id: 'a', lane: 'quiet', source: { kind: 'asset', value: 'a.mp4' } },
        { type: 'Clip', id: 'b', lane: 'off', source: { kind: 'asset', value: 'b.mp4' }, volume: 0.8 },
      ],
      { lanes: [{ id: 'quiet', gain: 0.5 }, { id: 'off', muted: true }] },
    );
    expect(code).toContain("Clip.asset('a.mp4', audio: ClipAudio.included().scaledBy(0.5))");
    expect(code).toContain("Clip.asset('b.mp4', audio: ClipAudio.muted())");
  });

  it('rejects a trim with one bound', () => {
    expect(printError({ scenes: [{ duration: '1s', children: [{ type: 'Clip', source: { kind: 'asset', value: 'v.mp4' }, trim: { from: '1s' } }] }] })).toContain(
      'children[0].trim as Dart: a clip trim prints as TimeRange(from, to)',
    );
  });

  it('rejects malformed speed ramps', () => {
    const clip = (speed: unknown) => ({ scenes: [{ duration: '1s', children: [{ type: 'Clip', source: { kind: 'asset', value: 'v.mp4' }, speed }] }] });
    expect(printError(clip({ values: [2], positions: ['0f'] }))).toBe(
      'Cannot print scenes[0].children[0].speed.values as Dart: a keyframed number needs at least two values; write one value as a plain number.',
    );
    expect(printError(clip({ values: [1, 2], positions: ['0f'] }))).toContain('speed.positions as Dart: a keyframed number needs one position per value (2 values, 1 positions)');
    expect(printError(clip({ values: [1, 2], positions: ['0f', '1s'], easings: ['in', 'out'] }))).toContain('speed.easings as Dart: a keyframed number needs one easing per segment (1 for 2 values, got 2)');
  });
});
