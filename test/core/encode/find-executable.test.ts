import { describe, expect, it } from 'vitest';

import { executableNames, findOnPath, pathCandidates } from '../../../src/core/encode/find-executable.js';

describe('pathCandidates', () => {
  it('joins the command to each folder in order', () => {
    expect(pathCandidates('ffmpeg', '/opt/bin::/usr/bin')).toEqual(['/opt/bin/ffmpeg', '/usr/bin/ffmpeg']);
  });

  it('returns nothing for an unset PATH', () => {
    expect(pathCandidates('ffmpeg', undefined)).toEqual([]);
  });
});

describe('executableNames', () => {
  it('adds .exe on Windows only', () => {
    expect(executableNames('ffmpeg', 'win32')).toEqual(['ffmpeg.exe', 'ffmpeg']);
    expect(executableNames('ffmpeg', 'linux')).toEqual(['ffmpeg']);
  });
});

describe('findOnPath', () => {
  it('finds the first executable match', async () => {
    expect(await findOnPath('ffprobe', '/nonexistent:/usr/bin')).toBe('/usr/bin/ffprobe');
  });

  it('returns null when nothing matches', async () => {
    expect(await findOnPath('no-such-tool-xyz', '/usr/bin:/bin')).toBeNull();
  });
});
