import { afterEach, describe, expect, it } from 'vitest';
import { authorSpec, type AuthorSpecOptions } from '../../src/ai/author-spec.js';
import { FluvieError } from '../../src/core/errors.js';
import { videoSpecJsonSchema } from '../../src/spec/index.js';
import { startFakeProvider, type FakeProvider, type ScriptedReply } from '../fixtures/ai/fake-provider.js';
import { EDITED_SPEC, FENCED_REPLY, INVALID_JSON_REPLY, SCHEMA_ERROR_REPLY, VALID_REPLY, VALID_SPEC } from '../fixtures/ai/authored-specs.js';
import type { ProviderName } from '../../src/ai/ai-provider.js';

let fake: FakeProvider | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function setUp(provider: ProviderName, script: ScriptedReply[]): Promise<{ fake: FakeProvider; options: AuthorSpecOptions; waits: number[] }> {
  fake = await startFakeProvider(provider, script);
  const waits: number[] = [];
  const options: AuthorSpecOptions = { env: fake.env(), signal: new AbortController().signal, sleep: async (ms) => void waits.push(ms) };
  return { fake, options, waits };
}

function text(reply: string): ScriptedReply {
  return { kind: 'text', text: reply };
}

/** The message texts Claude received, as role: text pairs. */
function claudeTurns(body: Record<string, unknown>): Array<{ role: string; text: string }> {
  const messages = body.messages as Array<{ role: string; content: Array<{ type: string; text?: string }> }>;
  return messages.map((message) => ({ role: message.role, text: message.content.filter((part) => part.type === 'text').map((part) => part.text).join('') }));
}

async function failure(run: Promise<unknown>): Promise<FluvieError> {
  const caught = await run.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(caught instanceof FluvieError)) throw new Error(`expected a FluvieError, got ${String(caught)}`);
  return caught;
}

describe('authorSpec prompt', () => {
  it('accepts a valid reply in one call', async () => {
    const { fake, options } = await setUp('claude', [text(VALID_REPLY)]);
    const seen: unknown[] = [];
    const result = await authorSpec({ kind: 'prompt', prompt: 'a coffee promo' }, { ...options, onAuthored: (authored) => void seen.push(authored.spec) });

    expect(result.attempts).toBe(1);
    expect(result.provider).toBe('claude');
    expect(result.spec.size).toEqual({ width: 320, height: 180 });
    expect(result.code).toContain("final title = Anchor('title');");
    expect(result.code).toContain("Text('Coffee'");
    expect(seen).toEqual([result.spec]);
    expect(fake.requests).toHaveLength(1);
  });

  it('sends the generated schema and rules', async () => {
    const { fake, options } = await setUp('claude', [text(VALID_REPLY)]);
    await authorSpec({ kind: 'prompt', prompt: 'a coffee promo' }, options);

    const system = fake.requests[0]!.body.system as string;
    expect(system).toContain(JSON.stringify(videoSpecJsonSchema()));
    expect(system).toContain('Reply with exactly one JSON object');
    expect(system).toContain('"<int>f", "<decimal>s", "<int>ms"');
    expect(claudeTurns(fake.requests[0]!.body)).toEqual([{ role: 'user', text: 'Create a VideoSpec for this video:\na coffee promo' }]);
  });

  it('strips a code fence', async () => {
    const { options } = await setUp('gemini', [text(FENCED_REPLY)]);
    const result = await authorSpec({ kind: 'prompt', prompt: 'promo' }, options);
    expect(result.attempts).toBe(1);
    expect(result.provider).toBe('gemini');
  });

  it('repairs invalid JSON', async () => {
    const { fake, options } = await setUp('mistral', [text(INVALID_JSON_REPLY), text(VALID_REPLY)]);
    const result = await authorSpec({ kind: 'prompt', prompt: 'promo' }, options);

    expect(result.attempts).toBe(2);
    const messages = fake.requests[1]!.body.messages as Array<{ role: string; content: string }>;
    expect(messages[2]).toEqual({ role: 'assistant', content: INVALID_JSON_REPLY });
    expect(messages[3]!.role).toBe('user');
    expect(messages[3]!.content).toMatch(/^That spec was invalid:\n- invalid JSON at line 1, column \d+: /);
  });

  it('sends schema errors back and accepts the fix', async () => {
    const { fake, options } = await setUp('claude', [text(SCHEMA_ERROR_REPLY), text(VALID_REPLY)]);
    const result = await authorSpec({ kind: 'prompt', prompt: 'promo' }, options);

    expect(result.attempts).toBe(2);
    const turns = claudeTurns(fake.requests[1]!.body);
    expect(turns).toHaveLength(3);
    expect(turns[1]).toEqual({ role: 'assistant', text: SCHEMA_ERROR_REPLY });
    expect(turns[2]!.text).toContain('That spec was invalid:\n');
    expect(turns[2]!.text).toContain('- scenes[0].duration: expected a duration such as "90f" or "3s", got 2\n');
    expect(turns[2]!.text).toContain('- scenes[0].sparkle: unknown property "sparkle"; allowed here: ');
    expect(turns[2]!.text).toContain('Return a corrected VideoSpec as one JSON object only');
  });

  it('gives up after three repairs', async () => {
    const { fake, options } = await setUp('ollama', [text(SCHEMA_ERROR_REPLY)]);
    const error = await failure(authorSpec({ kind: 'prompt', prompt: 'promo' }, options));

    expect(fake.requests).toHaveLength(4);
    expect(error.code).toBe('spec_invalid');
    expect(error.message).toMatch(/^Model output failed validation after 4 attempts \(ollama, llama3\.1\):\n/);
    expect(error.message).toContain('  scenes[0].sparkle: unknown property "sparkle"');
    const messages = fake.requests[3]!.body.messages as unknown[];
    expect(messages).toHaveLength(8);
  });

  it('waits Retry-After after a 429', async () => {
    const { fake, options, waits } = await setUp('claude', [{ kind: 'error', status: 429, message: 'rate limited', retryAfter: '2' }, text(VALID_REPLY)]);
    const result = await authorSpec({ kind: 'prompt', prompt: 'promo' }, options);
    expect(result.attempts).toBe(1);
    expect(fake.requests).toHaveLength(2);
    expect(waits).toEqual([2000]);
  });

  it('reports a 500 after the retries', async () => {
    const { fake, options } = await setUp('gemini', [{ kind: 'error', status: 500, message: 'backend exploded' }]);
    const error = await failure(authorSpec({ kind: 'prompt', prompt: 'promo' }, options));
    expect(error.code).toBe('unavailable');
    expect(error.message).toBe('Gemini request failed with HTTP 500: INTERNAL: backend exploded');
    expect(fake.requests).toHaveLength(4);
  });

  it('names the missing key variable', async () => {
    const error = await failure(authorSpec({ kind: 'prompt', prompt: 'promo' }, { env: { FLUVIE_AI_PROVIDER: 'gemini' }, signal: new AbortController().signal }));
    expect(error.code).toBe('config_invalid');
    expect(error.message).toContain('set GEMINI_API_KEY');
  });
});

describe('authorSpec edit', () => {
  it('sends spec, change and poster to claude', async () => {
    const { fake, options } = await setUp('claude', [text(JSON.stringify(EDITED_SPEC))]);
    const result = await authorSpec({ kind: 'edit', base: VALID_SPEC, change: 'make the title pop' }, options);

    expect(result.spec.scenes[0]!.children![0]).toMatchObject({ text: 'Coffee!' });
    expect(result.posterError).toBeNull();
    const content = (fake.requests[0]!.body.messages as Array<{ content: Array<Record<string, unknown>> }>)[0]!.content;
    expect(content[0]!.type).toBe('text');
    expect(content[0]!.text).toContain(JSON.stringify(VALID_SPEC, null, 2));
    expect(content[0]!.text).toContain('make the title pop');
    const image = content[1] as { type: string; source: { type: string; media_type: string; data: string } };
    expect(image.type).toBe('image');
    expect(image.source.media_type).toBe('image/png');
    const png = Buffer.from(image.source.data, 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(320);
    expect(png.readUInt32BE(20)).toBe(180);
  });

  it('edits without a poster it cannot draw', async () => {
    const { fake, options } = await setUp('gemini', [text(JSON.stringify(EDITED_SPEC))]);
    const image = { type: 'Image', source: { kind: 'file', value: '/nonexistent/fluvie-missing.png' } };
    const base = { ...VALID_SPEC, scenes: [{ ...VALID_SPEC.scenes[0], children: [image] }] };
    const result = await authorSpec({ kind: 'edit', base, change: 'add a title' }, options);

    expect(result.posterError).toContain('fluvie-missing.png');
    const contents = fake.requests[0]!.body.contents as Array<{ parts: unknown[] }>;
    expect(contents[0]!.parts).toHaveLength(1);
  });

  it('sends no image to mistral', async () => {
    const { fake, options } = await setUp('mistral', [text(JSON.stringify(EDITED_SPEC))]);
    await authorSpec({ kind: 'edit', base: VALID_SPEC, change: 'make the title pop' }, options);
    const messages = fake.requests[0]!.body.messages as Array<{ role: string; content: unknown }>;
    expect(typeof messages[1]!.content).toBe('string');
    expect(messages[1]!.content as string).not.toContain('attached image');
  });

  it('rejects an invalid base before calling the model', async () => {
    const { fake, options } = await setUp('claude', [text(VALID_REPLY)]);
    const error = await failure(authorSpec({ kind: 'edit', base: { scenes: [] }, change: 'x' }, options));
    expect(error.code).toBe('spec_invalid');
    expect(error.message).toContain('The spec to edit is invalid');
    expect(fake.requests).toHaveLength(0);
  });
});
