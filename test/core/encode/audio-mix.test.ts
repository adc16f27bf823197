import { describe, expect, it } from 'vitest';
import { buildAudioMix, type AudioMixTrack } from '../../../src/core/encode/audio-mix.js';

function track(overrides: Partial<AudioMixTrack> = {}): AudioMixTrack {
  return {
    file: '/m/bed.wav',
    start: 0,
    end: 4,
    trimFrom: null,
    trimTo: null,
    loop: false,
    volume: 1,
    automation: null,
    fadeIn: null,
    fadeOut: null,
    playLength: null,
    ...overrides,
  };
}

describe('buildAudioMix', () => {
  it('returns null without audible tracks', () => {
    expect(buildAudioMix([], 4)).toBeNull();
    expect(buildAudioMix([track({ volume: 0 })], 4)).toBeNull();
    expect(buildAudioMix([track({ start: 5 })], 4)).toBeNull();
  });

  it('pads and cuts the mix to the video length', () => {
    expect(buildAudioMix([track()], 4)).toEqual({
      inputArgs: ['-i', '/m/bed.wav'],
      filterGraph: '[1:a]asetpts=PTS-STARTPTS,volume=1,atrim=end=4[a0];[a0]amix=inputs=1:normalize=0,apad=whole_dur=4,atrim=end=4[aout]',
    });
  });

  it('builds the full music chain: trim, loop, delay, volume, fades, window end', () => {
    const mix = buildAudioMix([track({ start: 0.5, end: 3, trimFrom: 1, trimTo: 2.5, loop: true, volume: 0.8, fadeIn: 1, fadeOut: 2 })], 4);
    expect(mix?.inputArgs).toEqual(['-i', '/m/bed.wav']);
    expect(mix?.filterGraph.split(';')[0]).toBe(
      '[1:a]atrim=start=1:end=2.5,asetpts=PTS-STARTPTS,aloop=loop=-1:size=2147483647,adelay=delays=500:all=1,volume=0.8,' +
        'afade=t=in:st=0.5:d=1,afade=t=out:st=1:d=2,atrim=end=3[a0]',
    );
  });

  it('loops a whole file at the demuxer', () => {
    expect(buildAudioMix([track({ loop: true })], 4)?.inputArgs).toEqual(['-stream_loop', '-1', '-i', '/m/bed.wav']);
  });

  it('ends the fade out where an unlooped source runs out', () => {
    const graph = buildAudioMix([track({ start: 1, playLength: 2, fadeOut: 0.5 })], 4)?.filterGraph ?? '';
    expect(graph).toContain('afade=t=out:st=2.5:d=0.5');
  });

  it('writes automation as a piecewise-linear expression of the output time', () => {
    const graph = buildAudioMix([track({ start: 1, volume: 0.5, automation: [{ time: 0, value: 0 }, { time: 2, value: 1 }] })], 4)?.filterGraph ?? '';
    expect(graph).toContain("volume='0.5*(if(lt(t,1),0,if(lt(t,3),0+(1)*(t-1)/2,1)))':eval=frame");
  });

  it('numbers inputs from 1 and mixes every track without normalising', () => {
    const mix = buildAudioMix([track(), track({ file: '/m/hit.wav', start: 2 })], 4);
    expect(mix?.inputArgs).toEqual(['-i', '/m/bed.wav', '-i', '/m/hit.wav']);
    expect(mix?.filterGraph).toContain('[2:a]asetpts=PTS-STARTPTS,adelay=delays=2000:all=1');
    expect(mix?.filterGraph).toContain('[a0][a1]amix=inputs=2:normalize=0,');
  });
});

describe('buildAudioMix clip speed', () => {
  it('reverses and splits the tempo into atempo stages', () => {
    const graph = buildAudioMix([track({ speed: -3 })], 4)?.filterGraph ?? '';
    expect(graph).toContain('asetpts=PTS-STARTPTS,areverse,atempo=2,atempo=1.5,volume=1');
  });

  it('slows down below half speed in stages', () => {
    const graph = buildAudioMix([track({ speed: 0.25 })], 4)?.filterGraph ?? '';
    expect(graph).toContain('atempo=0.5,atempo=0.5,volume=1');
  });
});

describe('buildAudioMix speed ramp', () => {
  it('puts the ramp filters after the timestamp reset', () => {
    const tempoMap = { fps: 2, sourceSeconds: Float64Array.from([0, 0.5, 1.5]) };
    const graph = buildAudioMix([track({ tempoMap })], 4)?.filterGraph ?? '';
    expect(graph).toContain("asetpts=PTS-STARTPTS,asetnsamples=n=128:p=0,asendcmd=c='0.5 atempo@ramp0s0 tempo 2',atempo@ramp0s0=1,volume=1");
    expect(graph).not.toContain('areverse');
  });
});
