import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tailFile } from '../../../../src/core/engines/flutter/tail-file.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'tail-file-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function collect(iterable: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of iterable) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

describe('tailFile', () => {
  it('follows a file while it grows until the final size', async () => {
    const file = path.join(work, 'growing.bin');
    let finalSize: number | null = null;
    const reading = collect(tailFile(file, { finalSize: () => finalSize, signal: new AbortController().signal, pollMs: 2, chunkBytes: 3 }));

    // The reader waits for the file to appear, then for each append.
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(file, 'abcd');
    await new Promise((resolve) => setTimeout(resolve, 20));
    appendFileSync(file, 'efghij');
    finalSize = 10;

    expect((await reading).toString()).toBe('abcdefghij');
  });

  it('ends without bytes when the writer finished without the file', async () => {
    const bytes = await collect(tailFile(path.join(work, 'never.bin'), { finalSize: () => 0, signal: new AbortController().signal }));
    expect(bytes.length).toBe(0);
  });

  it('stops on abort', async () => {
    const file = path.join(work, 'aborted.bin');
    writeFileSync(file, 'xy');
    const controller = new AbortController();
    const reading = collect(tailFile(file, { finalSize: () => null, signal: controller.signal, pollMs: 2 }));
    setTimeout(() => controller.abort(), 20);
    expect((await reading).toString()).toBe('xy');
  });
});
