/**
 * `fluvie-render prompt` end to end: a loopback fake provider authors the spec, the native engine and
 * real ffmpeg render it, and ffprobe checks the video.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliCapture } from '../../helpers/cli.js';
import { tempDir, videoStream } from '../../helpers/media.js';
import { cliEnv } from '../../fixtures/ai/cli-env.js';
import { startFakeProvider, type FakeProvider, type ScriptedReply } from '../../fixtures/ai/fake-provider.js';
import { FENCED_REPLY, SCHEMA_ERROR_REPLY, VALID_REPLY, VALID_SPEC } from '../../fixtures/ai/authored-specs.js';

let fake: FakeProvider | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function fakeProvider(provider: Parameters<typeof startFakeProvider>[0], script: ScriptedReply[]): Promise<FakeProvider> {
  fake = await startFakeProvider(provider, script);
  return fake;
}

describe('prompt', () => {
  it('authors, saves and renders an mp4', async () => {
    const provider = await fakeProvider('claude', [{ kind: 'text', text: FENCED_REPLY }]);
    const dir = await tempDir();
    const run = await runCliCapture(['prompt', 'a', 'coffee', 'promo', '--out', 'promo.mp4'], { cwd: dir, env: cliEnv(provider) });

    expect(run.stderr).not.toContain('error:');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Authoring the spec with Claude (claude-opus-4-8)');
    expect(run.stdout).toContain(`Spec ${path.join(dir, 'promo.fluvie.json')}\n`);
    expect(run.stdout).toContain(`Wrote ${path.join(dir, 'promo.mp4')}`);
    expect(JSON.parse(await readFile(path.join(dir, 'promo.fluvie.json'), 'utf8'))).toEqual(VALID_SPEC);

    const turns = provider.requests[0]!.body.messages as Array<{ content: Array<{ text: string }> }>;
    expect(turns[0]!.content[0]!.text).toBe('Create a VideoSpec for this video:\na coffee promo');

    const video = await videoStream(path.join(dir, 'promo.mp4'));
    expect(video.codec_name).toBe('h264');
    expect(video.width).toBe(320);
    expect(video.height).toBe(180);
    expect(video.frameCount).toBe(30);
    expect(video.formatDuration).toBeCloseTo(1, 1);
  });

  it('repairs through the CLI and prints NDJSON', async () => {
    const provider = await fakeProvider('gemini', [{ kind: 'text', text: SCHEMA_ERROR_REPLY }, { kind: 'text', text: VALID_REPLY }]);
    const dir = await tempDir();
    const run = await runCliCapture(['prompt', 'promo', '--json', '--format', 'gif', '--out', 'clip.gif'], { cwd: dir, env: cliEnv(provider) });

    expect(run.code).toBe(0);
    const events = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events[0]).toEqual({ type: 'authored', spec: path.join(dir, 'clip.fluvie.json'), provider: 'gemini', model: 'gemini-2.5-pro', attempts: 2 });
    // 30 captured frames at 30 fps become 15 gif frames at the default gif rate of 15 fps.
    expect(events.at(-1)).toMatchObject({ type: 'done', output: path.join(dir, 'clip.gif'), frames: 15 });
    expect(provider.requests).toHaveLength(2);
    const video = await videoStream(path.join(dir, 'clip.gif'));
    expect(video.codec_name).toBe('gif');
    expect(video.frameCount).toBe(15);
  });

  it('only saves with --no-render', async () => {
    const provider = await fakeProvider('ollama', [{ kind: 'text', text: VALID_REPLY }]);
    const dir = await tempDir();
    const run = await runCliCapture(['prompt', 'promo', '--no-render', '--spec-out', 'only.fluvie.json', '--dart-out', 'only.dart'], {
      cwd: dir,
      env: cliEnv(provider),
    });

    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Spec ${path.join(dir, 'only.fluvie.json')}\n`);
    expect(existsSync(path.join(dir, 'video.mp4'))).toBe(false);
    expect(JSON.parse(await readFile(path.join(dir, 'only.fluvie.json'), 'utf8'))).toEqual(VALID_SPEC);
    expect(await readFile(path.join(dir, 'only.dart'), 'utf8')).toContain("final title = Anchor('title');");
  });

  it('uses --provider over the env', async () => {
    const provider = await fakeProvider('mistral', [{ kind: 'text', text: VALID_REPLY }]);
    const dir = await tempDir();
    const run = await runCliCapture(['prompt', 'promo', '--provider', 'mistral', '--no-render'], {
      cwd: dir,
      env: cliEnv(provider, { FLUVIE_AI_PROVIDER: 'claude' }),
    });
    expect(run.code).toBe(0);
    expect(provider.requests).toHaveLength(1);
    expect(existsSync(path.join(dir, 'video.fluvie.json'))).toBe(true);
  });

  it('exits 78 naming the missing key', async () => {
    const dir = await tempDir();
    const run = await runCliCapture(['prompt', 'promo'], { cwd: dir, env: cliEnv(null) });
    expect(run.code).toBe(78);
    expect(run.stderr).toContain('set ANTHROPIC_API_KEY');
  });

  it('fails after three repairs without saving', async () => {
    const provider = await fakeProvider('claude', [{ kind: 'text', text: SCHEMA_ERROR_REPLY }]);
    const dir = await tempDir();
    const run = await runCliCapture(['prompt', 'promo'], { cwd: dir, env: cliEnv(provider) });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Model output failed validation after 4 attempts');
    expect(run.stderr).toContain('scenes[0].sparkle: unknown property "sparkle"');
    expect(provider.requests).toHaveLength(4);
    expect(existsSync(path.join(dir, 'video.fluvie.json'))).toBe(false);
  });

  it('keeps the spec when the render fails', async () => {
    const provider = await fakeProvider('claude', [{ kind: 'text', text: VALID_REPLY }]);
    const dir = await tempDir();
    const run = await runCliCapture(['prompt', 'promo', '--ffmpeg', path.join(dir, 'no-such-ffmpeg'), '--out', 'count.mp4'], { cwd: dir, env: cliEnv(provider) });

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no-such-ffmpeg');
    expect(run.stderr).toContain(`The authored spec is saved at ${path.join(dir, 'count.fluvie.json')}`);
    expect(JSON.parse(await readFile(path.join(dir, 'count.fluvie.json'), 'utf8'))).toEqual(VALID_SPEC);
    expect(existsSync(path.join(dir, 'count.mp4'))).toBe(false);
  });

  it('repairs what the native engine cannot draw', async () => {
    // Mermaid needs a browser, so the native engine cannot draw it.
    const diagram = { ...VALID_SPEC, scenes: [{ duration: '1s', children: [{ type: 'Mermaid', source: 'graph TD; A-->B;' }] }] };
    const provider = await fakeProvider('claude', [{ kind: 'text', text: JSON.stringify(diagram) }, { kind: 'text', text: VALID_REPLY }]);
    const dir = await tempDir();
    const run = await runCliCapture(['prompt', 'a diagram', '--engine', 'native', '--out', 'count.mp4'], { cwd: dir, env: cliEnv(provider) });

    expect(run.stderr).not.toContain('error:');
    expect(run.code).toBe(0);
    expect(provider.requests).toHaveLength(2);
    const repair = (provider.requests[1]!.body.messages as Array<{ content: Array<{ text: string }> }>)[2]!.content[0]!.text;
    expect(repair).toContain('- scenes[0].children[0]: Mermaid element cannot be rendered here');
    expect(JSON.parse(await readFile(path.join(dir, 'count.fluvie.json'), 'utf8'))).toEqual(VALID_SPEC);
  });

  it('skips drawing rules with --no-render', async () => {
    const diagram = { ...VALID_SPEC, scenes: [{ duration: '1s', children: [{ type: 'Mermaid', source: 'graph TD; A-->B;' }] }] };
    const provider = await fakeProvider('claude', [{ kind: 'text', text: JSON.stringify(diagram) }]);
    const dir = await tempDir();
    const run = await runCliCapture(['prompt', 'a diagram', '--engine', 'native', '--no-render'], { cwd: dir, env: cliEnv(provider) });
    expect(run.code).toBe(0);
    expect(provider.requests).toHaveLength(1);
  });

  it('reports a provider 500 with exit 1', async () => {
    const provider = await fakeProvider('mistral', [{ kind: 'error', status: 500, message: 'upstream down' }]);
    const dir = await tempDir();
    const run = await runCliCapture(['prompt', 'promo'], { cwd: dir, env: cliEnv(provider, { FLUVIE_AI_RETRIES: '0' }) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: Mistral request failed with HTTP 500: upstream down');
    expect(provider.requests).toHaveLength(1);
  });

  it('retries a 429 with Retry-After', async () => {
    const provider = await fakeProvider('claude', [
      { kind: 'error', status: 429, message: 'rate limited', retryAfter: '0' },
      { kind: 'text', text: VALID_REPLY },
    ]);
    const dir = await tempDir();
    const run = await runCliCapture(['prompt', 'promo', '--no-render'], { cwd: dir, env: cliEnv(provider) });
    expect(run.code).toBe(0);
    expect(provider.requests).toHaveLength(2);
  });
});

describe('prompt help', () => {
  it('lists authoring and render flags without --spec', async () => {
    const run = await runCliCapture(['prompt', '--help']);
    expect(run.code).toBe(0);
    for (const flag of ['--out <path>', '--spec-out <file>', '--dart-out <file.dart>', '--provider <name>', '--no-render', '--format <format>', '--engine <engine>', '--json']) {
      expect(run.stdout).toContain(flag);
    }
    expect(run.stdout).not.toContain('--spec <file>');
    expect(run.stdout).toContain('ANTHROPIC_API_KEY');
  });
});

describe('prompt ignored flags', () => {
  it('warns that --quality has no effect on gif', async () => {
    const provider = await fakeProvider('claude', [{ kind: 'text', text: VALID_REPLY }]);
    const dir = await tempDir();
    const run = await runCliCapture(['prompt', 'promo', '--json', '--format', 'gif', '--quality', 'low', '--out', 'clip.gif'], { cwd: dir, env: cliEnv(provider) });

    expect(run.code).toBe(0);
    const events = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const warnings = events.filter((event) => event.type === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ type: 'warning', code: 'ignored_flag' });
    expect(String(warnings[0]?.message)).toContain('--quality low has no effect on gif output');
  });
});
