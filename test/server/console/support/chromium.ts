/**
 * Headless Debian Chromium for the console tests, driven by playwright-core, with a fresh profile
 * and the switches that stop background traffic (updates, sync, QUIC probes).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** True when the browser tests must be skipped: no Chromium, outside CI (under CI=true they fail instead). */
export function shouldSkipBrowserTests(): boolean {
  const skip = !existsSync(CHROMIUM_PATH) && process.env['CI'] !== 'true';
  if (skip) console.warn(`Skipping the console browser tests: ${CHROMIUM_PATH} is missing (run scripts/ensure-system-deps.mjs as root).`);
  return skip;
}

export interface ChromiumSession {
  context: BrowserContext;
  page: Page;
  /** The fresh profile folder, removed by `close`; downloads can be saved here. */
  userDataDir: string;
  /** Every URL the page requested, in order. */
  requestedUrls: string[];
  close: () => Promise<void>;
}

export async function launchChromium(): Promise<ChromiumSession> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'fluvie-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM_PATH, headless: true, acceptDownloads: true, args: CHROMIUM_ARGS });
  const page = context.pages()[0] ?? (await context.newPage());
  const requestedUrls: string[] = [];
  page.on('request', (request) => void requestedUrls.push(request.url()));
  return {
    context,
    page,
    userDataDir,
    requestedUrls,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
