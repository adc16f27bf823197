import { describe, expect, it } from 'vitest';
import { buildDownloadUrl, toJobJson } from '../../../src/server/jobs/job-view.js';
import { sampleJob } from '../../conformance/job-fixture.js';

describe('buildDownloadUrl', () => {
  it('resolves against the base like a URI reference', () => {
    expect(buildDownloadUrl('http://localhost:8080/', 'rnd_a', 'video', null)).toBe('http://localhost:8080/v1/files/rnd_a/video');
    expect(buildDownloadUrl('https://cdn.example/renders/', 'rnd_a', 'poster', null)).toBe('https://cdn.example/renders/v1/files/rnd_a/poster');
    // Without a trailing slash the last segment is replaced, as Dart's Uri.resolve does.
    expect(buildDownloadUrl('https://cdn.example/renders', 'rnd_a', 'video', null)).toBe('https://cdn.example/v1/files/rnd_a/video');
  });

  it('percent-encodes the token', () => {
    expect(buildDownloadUrl('http://h/', 'rnd_a', 'video', 'YQ==.Yg==')).toBe('http://h/v1/files/rnd_a/video?token=YQ%3D%3D.Yg%3D%3D');
  });
});

describe('toJobJson', () => {
  it('keeps the field order and leaves out nulls', () => {
    const job = sampleJob({ status: 'failed', error: 'Render exited with code 1', progress: { completed: 3, total: 9 }, code: 'Video build() {}', spec: { scenes: [] } });
    const json = toJobJson(job, { video: null, poster: null });
    expect(Object.keys(json)).toEqual(['id', 'status', 'progress', 'error', 'code', 'spec', 'createdAt', 'expiresAt']);
    expect(json.createdAt).toBe('2023-11-14T22:13:20.000Z');
    expect(JSON.stringify(toJobJson(sampleJob(), { video: null, poster: null }))).not.toContain('null');
  });
});
