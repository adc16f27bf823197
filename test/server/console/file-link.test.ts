import { describe, expect, it } from 'vitest';
import { pageRelativeFileLink } from '../../../web/console/file-link.js';

describe('pageRelativeFileLink', () => {
  it('moves a file link to the page host', () => {
    const link = pageRelativeFileLink('http://localhost:8080/v1/files/rnd_a/video?token=abc.def', 'http://192.0.2.10:8080/');
    expect(link).toBe('http://192.0.2.10:8080/v1/files/rnd_a/video?token=abc.def');
  });

  it('keeps the page path prefix', () => {
    const link = pageRelativeFileLink('http://localhost:8080/v1/files/rnd_a/poster', 'https://example.com/fluvie/');
    expect(link).toBe('https://example.com/fluvie/v1/files/rnd_a/poster');
  });

  it('leaves other links alone', () => {
    const link = 'https://cdn.example.com/renders/rnd_a/video.mp4';
    expect(pageRelativeFileLink(link, 'http://192.0.2.10:8080/')).toBe(link);
  });
});
