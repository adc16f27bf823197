/**
 * The render console in headless Chromium against a real server: token, example, upload, live
 * validation, a real render followed over the event stream, playback and download. Chromium is
 * Debian's (`scripts/ensure-system-deps.mjs` installs it), driven with playwright-core.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { videoStream } from '../../helpers/media.js';
import { API_TOKEN } from '../support/test-server.js';
import { buildConsoleScripts, launchChromium, shouldSkipBrowserTests, type ChromiumSession } from './support/chromium.js';
import { startConsoleServer, type ConsoleServer } from './support/console-server.js';


/** 4 s at 30 fps: renders in about a second, long enough for several progress events. */
const TINY_SPEC = {
  size: { width: 320, height: 180 },
  fps: 30,
  scenes: [{ duration: '4s', background: { kind: 'color', color: '#FF2266AA' } }],
};
const SPEC_SECONDS = 4;
const SPEC_FRAMES = 120;

let server: ConsoleServer;
let browser: ChromiumSession;
let page: Page;
let requestedUrls: string[];

describe.skipIf(shouldSkipBrowserTests())('render console in Chromium', () => {
  beforeAll(async () => {
    // The page's scripts are the compiled ones the package ships.
    await buildConsoleScripts();
    server = await startConsoleServer();
    browser = await launchChromium();
    page = browser.page;
    requestedUrls = browser.requestedUrls;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads with no outside requests', async () => {
    await page.goto(`${server.base}/`);
    await expect.poll(() => page.locator('#token-status').textContent()).toContain('No token entered');
    expect(await page.locator('h1').textContent()).toBe('fluvie-render console');
    expect(await page.locator('#spec-report').getAttribute('data-state')).toBe('idle');
    expect(await page.locator('#spec-state').textContent()).toBe('Paste a spec, load an example or upload a file.');
    expect(requestedUrls.length).toBeGreaterThanOrEqual(3);
    for (const url of requestedUrls) expect(url.startsWith(`${server.base}/`), url).toBe(true);
  });

  it('keeps the token in session storage', async () => {
    await page.locator('#spec-editor').fill(JSON.stringify(TINY_SPEC));
    await expect.poll(() => page.locator('#spec-state').textContent()).toContain('Enter the API token');

    await page.locator('#token-input').fill(API_TOKEN);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#token-status').textContent()).toBe('Token set for this tab.');
    expect(await page.evaluate(() => sessionStorage.getItem('fluvie-render.api-token'))).toBe(API_TOKEN);
    expect(await page.locator('#token-input').inputValue()).toBe('');
    expect(page.url()).not.toContain(API_TOKEN);
  });

  it('loads a bundled example', async () => {
    await page.locator('#example-select').selectOption('hello.fluvie.json');
    await expect.poll(() => page.locator('#spec-editor').inputValue()).toContain('Hello, Fluvie');
    await expect.poll(() => page.locator('#spec-state').textContent()).toBe('No problems found.');
  });

  it('shows validation problems while typing', async () => {
    const text = JSON.stringify(TINY_SPEC, null, 2);
    await page.locator('#spec-file').setInputFiles({ name: 'tiny.fluvie.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => page.locator('#spec-editor').inputValue()).toBe(text);
    await expect.poll(() => page.locator('#spec-state').textContent()).toBe('No problems found.');

    const editor = page.locator('#spec-editor');
    await editor.fill(text.replace('#FF2266AA', '#FF2266A'));
    await expect.poll(() => page.locator('#spec-problems li').allTextContents()).toEqual([
      expect.stringMatching(/^scenes\[0\]\.background\.color error: invalid colour "#FF2266A"/),
    ]);
    expect(await page.locator('#spec-state').textContent()).toBe('1 problem found:');

    await editor.fill(text.replace('"fps": 30', '"fps": 30,'));
    await expect.poll(() => page.locator('#spec-state').textContent()).toMatch(/^Invalid JSON at line \d+, column \d+/);

    // Typing the missing hex digit back clears the problem.
    await editor.fill(text.replace('#FF2266AA', '#FF2266A'));
    await expect.poll(() => page.locator('#spec-problems li').count()).toBe(1);
    await editor.focus();
    await editor.evaluate((element: HTMLTextAreaElement, at: number) => element.setSelectionRange(at, at), text.indexOf('#FF2266AA') + '#FF2266A'.length);
    await page.keyboard.type('A');
    expect(await editor.inputValue()).toBe(text);
    await expect.poll(() => page.locator('#spec-state').textContent()).toBe('No problems found.');
    expect(await page.locator('#spec-problems li').count()).toBe(0);
  });

  it('renders with live progress and plays the video', async () => {
    await page.locator('#format-select').selectOption('mp4');
    await page.locator('#quality-select').selectOption('low');
    await page.locator('#poster-input').fill('1s');
    // Every value the progress bar takes, in order, as the page sets it from the event stream.
    await page.evaluate(() => {
      const bar = document.getElementById('job-progress') as HTMLProgressElement;
      const seen: Array<[number, number]> = [];
      (window as unknown as { progressSeen: Array<[number, number]> }).progressSeen = seen;
      new MutationObserver(() => seen.push([bar.value, bar.max])).observe(document.getElementById('job-progress-text') as HTMLElement, { childList: true, characterData: true, subtree: true });
    });

    await page.locator('#render-button').click();
    await expect.poll(() => page.locator('#job-status').textContent(), { timeout: 90_000 }).toMatch(/^Render finished/);

    const seen = await page.evaluate(() => (window as unknown as { progressSeen: Array<[number, number]> }).progressSeen);
    const values = seen.map(([value]) => value);
    expect(values.at(-1)).toBe(SPEC_FRAMES);
    expect(seen.at(-1)?.[1]).toBe(SPEC_FRAMES);
    expect(values.some((value) => value > 0 && value < SPEC_FRAMES), `intermediate progress in ${JSON.stringify(values)}`).toBe(true);
    expect(await page.locator('#job-progress-text').textContent()).toBe(`${SPEC_FRAMES} / ${SPEC_FRAMES} frames (100%)`);

    const video = page.locator('#result-video');
    await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.readyState), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    const duration = await video.evaluate((element: HTMLVideoElement) => element.duration);
    expect(Math.abs(duration - SPEC_SECONDS)).toBeLessThan(0.05);

    await video.evaluate(async (element: HTMLVideoElement) => {
      element.muted = true;
      await element.play();
    });
    await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime)).toBeGreaterThan(0);
    expect(await video.evaluate((element: HTMLVideoElement) => element.error)).toBeNull();
    expect(await page.locator('#poster-item').isVisible()).toBe(true);
    expect(await page.locator('#video-link').getAttribute('href')).toMatch(new RegExp(`^${server.base}/v1/files/rnd_[\\w-]+/video\\?token=`));
    expect(await page.locator('#poster-link').getAttribute('href')).toMatch(new RegExp(`^${server.base}/v1/files/rnd_[\\w-]+/poster\\?token=`));
  });

  it('downloads a video ffprobe accepts', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#video-link').click()]);
    const file = path.join(browser.userDataDir, 'downloaded.mp4');
    await download.saveAs(file);

    const stream = await videoStream(file);
    expect(stream.codec_name).toBe('h264');
    expect(stream.width).toBe(320);
    expect(stream.height).toBe(180);
    expect(stream.frameCount).toBe(SPEC_FRAMES);
    expect(Math.abs(stream.formatDuration - SPEC_SECONDS)).toBeLessThan(0.05);
    expect((await readFile(file)).subarray(4, 8).toString('latin1')).toBe('ftyp');
  });

  it('sends the token only in headers', () => {
    expect(requestedUrls.some((url) => url.includes('/v1/renders/') && url.endsWith('/events'))).toBe(true);
    for (const url of requestedUrls) expect(url, url).not.toContain(API_TOKEN);
  });
});
