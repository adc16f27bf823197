/**
 * Headless Debian Chromium for the console tests, driven by playwright-core, with a fresh profile
 * and the switches that stop background traffic (updates, sync, QUIC probes).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** True when the browser tests must be skipped: no Chromium, outside CI (under CI=true they fail instead). */
export function shouldSkipBrowserTests(): boolean {
  const skip = !existsSync(CHROMIUM_PATH) && process.env['CI'] !== 'true';
  if (skip) console.warn(`Skipping the console browser tests: ${CHROMIUM_PATH} is missing (run scripts/ensure-system-deps.mjs as root).`);
  return skip;
}

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Compiles the console's browser scripts into `dist/console`, where the server reads them. Test files
 * run in parallel, so each compiles into its own folder and renames the files into place: a server
 * reading a script meanwhile gets the old or the new file, never a partial one.
 */
export async function buildConsoleScripts(): Promise<void> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'fluvie-console-build-'));
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.web.json', '--outDir', outDir], { cwd: repoRoot, stdio: 'inherit' });
    const target = path.join(repoRoot, 'dist', 'console');
    await mkdir(target, { recursive: true });
    for (const name of await readdir(outDir)) {
      const staged = path.join(target, `.${name}.${process.pid}.tmp`);
      await copyFile(path.join(outDir, name), staged);
      await rename(staged, path.join(target, name));
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
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
