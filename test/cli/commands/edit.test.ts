/** `fluvie-render edit` end to end against a loopback fake provider, rendered with real ffmpeg. */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliCapture } from '../../helpers/cli.js';
import { tempDir, videoStream } from '../../helpers/media.js';
import { cliEnv } from '../../fixtures/ai/cli-env.js';
import { startFakeProvider, type FakeProvider } from '../../fixtures/ai/fake-provider.js';
import { EDITED_SPEC, VALID_SPEC } from '../../fixtures/ai/authored-specs.js';

let fake: FakeProvider | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function specDir(): Promise<string> {
  const dir = await tempDir();
  await writeFile(path.join(dir, 'promo.fluvie.json'), JSON.stringify(VALID_SPEC));
  return dir;
}

describe('edit', () => {
  it('overwrites the spec and renders it', async () => {
    fake = await startFakeProvider('claude', [{ kind: 'text', text: JSON.stringify(EDITED_SPEC) }]);
    const dir = await specDir();
    const run = await runCliCapture(['edit', 'promo.fluvie.json', 'make', 'the', 'title', 'pop'], { cwd: dir, env: cliEnv(fake) });

    expect(run.stderr).not.toContain('error:');
    expect(run.code).toBe(0);
    expect(JSON.parse(await readFile(path.join(dir, 'promo.fluvie.json'), 'utf8'))).toEqual(EDITED_SPEC);

    const content = (fake.requests[0]!.body.messages as Array<{ content: Array<{ type: string; text?: string }> }>)[0]!.content;
    expect(content[0]!.text).toContain('"text": "Coffee"');
    expect(content[0]!.text).toContain('make the title pop');
    expect(content[1]!.type).toBe('image');

    const video = await videoStream(path.join(dir, 'promo.mp4'));
    expect(video.codec_name).toBe('h264');
    expect(video.width).toBe(320);
    expect(video.frameCount).toBe(30);
  });

  it('keeps the input with --spec-out', async () => {
    fake = await startFakeProvider('ollama', [{ kind: 'text', text: JSON.stringify(EDITED_SPEC) }]);
    const dir = await specDir();
    const run = await runCliCapture(['edit', 'promo.fluvie.json', 'pop', '--spec-out', 'edited.fluvie.json', '--no-render'], { cwd: dir, env: cliEnv(fake) });

    expect(run.code).toBe(0);
    expect(JSON.parse(await readFile(path.join(dir, 'promo.fluvie.json'), 'utf8'))).toEqual(VALID_SPEC);
    expect(JSON.parse(await readFile(path.join(dir, 'edited.fluvie.json'), 'utf8'))).toEqual(EDITED_SPEC);
    expect(existsSync(path.join(dir, 'promo.mp4'))).toBe(false);
  });

  it('exits 1 for a missing spec', async () => {
    const dir = await tempDir();
    const run = await runCliCapture(['edit', 'missing.fluvie.json', 'pop'], { cwd: dir, env: cliEnv(null, { ANTHROPIC_API_KEY: 'unused' }) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('missing.fluvie.json not found');
  });

  it('reports malformed JSON with its position', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'broken.fluvie.json'), '{"scenes": [}');
    const run = await runCliCapture(['edit', 'broken.fluvie.json', 'pop'], { cwd: dir, env: cliEnv(null, { ANTHROPIC_API_KEY: 'unused' }) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('broken.fluvie.json:1:13: invalid JSON');
  });
});
