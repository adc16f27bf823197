import { describe, expect, it } from 'vitest';
import type { JobJson } from '../../../src/server/jobs/job-view.js';
import { formatJobStatus, formatQueued, formatRenderResult, progressMessage } from '../../../src/server/mcp/render-result-text.js';

const BASE: JobJson = { id: 'rnd_1', status: 'succeeded', createdAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-02T00:00:00.000Z' };

describe('formatRenderResult', () => {
  it('lists the video link', () => {
    expect(formatRenderResult({ ...BASE, video: { downloadUrl: 'http://h/v' } })).toBe('Video: http://h/v');
  });

  it('lists the poster after the video', () => {
    expect(formatRenderResult({ ...BASE, video: { downloadUrl: 'http://h/v' }, poster: { downloadUrl: 'http://h/p' } })).toBe('Video: http://h/v\nPoster: http://h/p');
  });

  it('says when no file came back', () => {
    expect(formatRenderResult(BASE)).toBe('Render finished, but no downloadable file was returned.');
  });

  it('appends the Dart code after a blank line', () => {
    const text = formatRenderResult({ ...BASE, video: { downloadUrl: 'http://h/v' }, code: 'Video build() {}' });
    expect(text).toBe('Video: http://h/v\n\nFlutter-style Dart (editable):\nVideo build() {}');
  });
});

describe('formatJobStatus', () => {
  it('shows a running job with progress and a hint', () => {
    const text = formatJobStatus({ ...BASE, status: 'running', progress: { completed: 3, total: 10 } });
    expect(text).toBe('Job: rnd_1\nStatus: running\nProgress: 3/10 frames\nNot finished yet: call get_render again in a few seconds.\nFiles expire at 2026-01-02T00:00:00.000Z.');
  });

  it('shows the links of a succeeded job', () => {
    const text = formatJobStatus({ ...BASE, video: { downloadUrl: 'http://h/v' } });
    expect(text).toBe('Job: rnd_1\nStatus: succeeded\nVideo: http://h/v\nFiles expire at 2026-01-02T00:00:00.000Z.');
  });

  it('shows the error of a failed job', () => {
    expect(formatJobStatus({ ...BASE, status: 'failed', error: 'ffmpeg exited with code 1' })).toContain('Status: failed\nError: ffmpeg exited with code 1\n');
  });
});

describe('formatQueued', () => {
  it('names the job and get_render', () => {
    expect(formatQueued({ ...BASE, status: 'queued' })).toBe(
      'Job: rnd_1\nStatus: queued\nThe render runs in the background. Call get_render with {"id": "rnd_1"} to follow it and get the download links.',
    );
  });
});

describe('progressMessage', () => {
  it('includes frames when known', () => {
    expect(progressMessage({ ...BASE, status: 'running', progress: { completed: 2, total: 8 } })).toBe('Render rnd_1 is running: frame 2 of 8');
    expect(progressMessage({ ...BASE, status: 'queued' })).toBe('Render rnd_1 is queued');
  });
});
