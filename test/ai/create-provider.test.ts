import { afterEach, describe, expect, it } from 'vitest';
import { createAiProvider } from '../../src/ai/create-provider.js';
import type { ChatMessage, ProviderName } from '../../src/ai/ai-provider.js';
import { resolveAiConfig } from '../../src/config/ai-config.js';
import { FluvieError } from '../../src/core/errors.js';
import { FAKE_KEY, startFakeProvider, type FakeProvider, type ScriptedReply } from '../fixtures/ai/fake-provider.js';

const PNG_BASE64 = 'iVBORw0KGgo=';
const MESSAGES: ChatMessage[] = [
  { role: 'user', parts: [{ type: 'text', text: 'make a video' }, { type: 'image', mediaType: 'image/png', base64: PNG_BASE64 }] },
  { role: 'assistant', parts: [{ type: 'text', text: '{"broken":' }] },
  { role: 'user', parts: [{ type: 'text', text: 'fix it' }] },
];

let fake: FakeProvider | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function chatWith(provider: ProviderName, script: ScriptedReply[], extraEnv: Record<string, string> = {}) {
  fake = await startFakeProvider(provider, script);
  const waits: number[] = [];
  const config = resolveAiConfig({ ...fake.env(), ...extraEnv });
  const client = createAiProvider(config, { sleep: async (ms) => void waits.push(ms) });
  const run = client.chat({ system: 'SYSTEM PROMPT', messages: MESSAGES, signal: new AbortController().signal });
  return { client, run, waits, fake };
}

describe('provider wire formats', () => {
  it('claude sends the Messages API shape', async () => {
    const { run, fake } = await chatWith('claude', [{ kind: 'text', text: 'reply' }]);
    expect(await run).toBe('reply');
    const request = fake.requests[0]!;
    expect(request.path).toBe('/v1/messages');
    expect(request.headers['x-api-key']).toBe(FAKE_KEY);
    expect(request.headers['anthropic-version']).toBe('2023-06-01');
    expect(request.body.model).toBe('claude-opus-4-8');
    expect(request.body.max_tokens).toBe(8192);
    expect(request.body.temperature).toBe(0.4);
    expect(request.body.system).toBe('SYSTEM PROMPT');
    expect(request.body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'make a video' },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_BASE64 } },
        ],
      },
      { role: 'assistant', content: [{ type: 'text', text: '{"broken":' }] },
      { role: 'user', content: [{ type: 'text', text: 'fix it' }] },
    ]);
  });

  it('gemini sends generateContent with the key header', async () => {
    const { run, fake } = await chatWith('gemini', [{ kind: 'text', text: 'reply' }]);
    expect(await run).toBe('reply');
    const request = fake.requests[0]!;
    expect(request.path).toBe('/v1beta/models/gemini-2.5-pro:generateContent');
    expect(request.headers['x-goog-api-key']).toBe(FAKE_KEY);
    expect(request.path).not.toContain(FAKE_KEY);
    expect(request.body.systemInstruction).toEqual({ parts: [{ text: 'SYSTEM PROMPT' }] });
    expect(request.body.contents).toEqual([
      { role: 'user', parts: [{ text: 'make a video' }, { inlineData: { mimeType: 'image/png', data: PNG_BASE64 } }] },
      { role: 'model', parts: [{ text: '{"broken":' }] },
      { role: 'user', parts: [{ text: 'fix it' }] },
    ]);
    expect(request.body.generationConfig).toEqual({ temperature: 0.4, maxOutputTokens: 8192, responseMimeType: 'application/json' });
  });

  it('mistral sends chat completions with a bearer key', async () => {
    const { run, fake } = await chatWith('mistral', [{ kind: 'text', text: 'reply' }]);
    expect(await run).toBe('reply');
    const request = fake.requests[0]!;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
    expect(request.body.model).toBe('mistral-large-latest');
    expect(request.body.response_format).toEqual({ type: 'json_object' });
    expect(request.body.messages).toEqual([
      { role: 'system', content: 'SYSTEM PROMPT' },
      { role: 'user', content: 'make a video' },
      { role: 'assistant', content: '{"broken":' },
      { role: 'user', content: 'fix it' },
    ]);
  });

  it('ollama sends /api/chat in JSON mode without a key', async () => {
    const { run, fake } = await chatWith('ollama', [{ kind: 'text', text: 'reply' }]);
    expect(await run).toBe('reply');
    const request = fake.requests[0]!;
    expect(request.path).toBe('/api/chat');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.body.model).toBe('llama3.1');
    expect(request.body.format).toBe('json');
    expect(request.body.stream).toBe(false);
    expect(request.body.messages).toEqual([
      { role: 'system', content: 'SYSTEM PROMPT' },
      { role: 'user', content: 'make a video' },
      { role: 'assistant', content: '{"broken":' },
      { role: 'user', content: 'fix it' },
    ]);
  });

  it('FLUVIE_AI_MODEL overrides the model', async () => {
    const { run, fake } = await chatWith('claude', [{ kind: 'text', text: 'ok' }], { FLUVIE_AI_MODEL: 'claude-test-model' });
    await run;
    expect(fake.requests[0]!.body.model).toBe('claude-test-model');
  });
});

describe('every provider', () => {
  const PROVIDERS: ProviderName[] = ['claude', 'gemini', 'mistral', 'ollama'];

  for (const provider of PROVIDERS) {
    it(`${provider} retries 429 then succeeds`, async () => {
      const { run, waits, fake } = await chatWith(provider, [
        { kind: 'error', status: 429, message: 'quota', retryAfter: '3' },
        { kind: 'text', text: 'done' },
      ]);
      expect(await run).toBe('done');
      expect(waits).toEqual([3000]);
      expect(fake.requests).toHaveLength(2);
    });

    it(`${provider} names itself on errors`, async () => {
      const { run } = await chatWith(provider, [{ kind: 'error', status: 503, message: 'try later' }], { FLUVIE_AI_RETRIES: '0' });
      const error = (await run.catch((caught: unknown) => caught)) as FluvieError;
      expect(error.code).toBe('unavailable');
      expect(error.message).toMatch(new RegExp(`^(Claude|Gemini|Mistral|Ollama) request failed with HTTP 503: .*try later$`));
      expect(error.message.toLowerCase().startsWith(provider)).toBe(true);
    });
  }
});

describe('provider timeouts and cancel', () => {
  it('times out a silent server', async () => {
    const { run, fake } = await chatWith('claude', [{ kind: 'hang' }], { FLUVIE_AI_TIMEOUT: '200ms', FLUVIE_AI_RETRIES: '1' });
    const error = (await run.catch((caught: unknown) => caught)) as FluvieError;
    expect(error.code).toBe('timeout');
    expect(error.message).toBe(`Claude did not respond within 200 ms (${fake.baseUrl}/v1/messages).`);
    expect(fake.requests).toHaveLength(2);
  });

  it('stops when the signal fires', async () => {
    fake = await startFakeProvider('gemini', [{ kind: 'hang' }]);
    const client = createAiProvider(resolveAiConfig(fake.env()));
    const controller = new AbortController();
    const run = client.chat({ system: 's', messages: MESSAGES, signal: controller.signal });
    while (fake.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await expect(run).rejects.toMatchObject({ code: 'canceled' });
  });
});

describe('provider retries and errors', () => {
  it('retries a 429 after the Retry-After seconds', async () => {
    const { run, waits, fake } = await chatWith('claude', [
      { kind: 'error', status: 429, message: 'slow down', retryAfter: '7' },
      { kind: 'text', text: 'second time' },
    ]);
    expect(await run).toBe('second time');
    expect(fake.requests).toHaveLength(2);
    expect(waits).toEqual([7000]);
  });

  it('backs off exponentially without Retry-After', async () => {
    const { run, waits, fake } = await chatWith('gemini', [
      { kind: 'error', status: 503, message: 'overloaded' },
      { kind: 'error', status: 500, message: 'oops' },
      { kind: 'text', text: 'ok' },
    ]);
    expect(await run).toBe('ok');
    expect(fake.requests).toHaveLength(3);
    expect(waits).toEqual([1000, 2000]);
  });

  it('gives up on a persistent 500 naming provider and status', async () => {
    const { run, fake } = await chatWith('mistral', [{ kind: 'error', status: 500, message: 'internal meltdown' }], { FLUVIE_AI_RETRIES: '2' });
    const error = await run.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(FluvieError);
    expect((error as FluvieError).code).toBe('unavailable');
    expect((error as FluvieError).message).toBe('Mistral request failed with HTTP 500: internal meltdown');
    expect(fake.requests).toHaveLength(3);
  });

  it('does not retry a 400 and keeps the provider message', async () => {
    const { run, fake } = await chatWith('ollama', [{ kind: 'error', status: 400, message: 'model "llama3.1" not found, try pulling it first' }]);
    await expect(run).rejects.toMatchObject({ code: 'invalid_request', message: 'Ollama request failed with HTTP 400: model "llama3.1" not found, try pulling it first' });
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a rejected key as config without leaking it', async () => {
    fake = await startFakeProvider('claude', [{ kind: 'text', text: 'never' }]);
    const config = resolveAiConfig({ ...fake.env(), ANTHROPIC_API_KEY: 'sk-wrong-key-42' });
    const client = createAiProvider(config);
    const error = (await client.chat({ system: 's', messages: MESSAGES, signal: new AbortController().signal }).catch((caught: unknown) => caught)) as FluvieError;
    expect(error.code).toBe('config_invalid');
    expect(error.message).toContain('Claude request failed with HTTP 401');
    expect(error.message).not.toContain('sk-wrong-key-42');
  });

  it('redacts a key the provider echoes back', async () => {
    const { run } = await chatWith('claude', [{ kind: 'error', status: 400, message: `bad request for key ${FAKE_KEY}` }]);
    const error = (await run.catch((caught: unknown) => caught)) as FluvieError;
    expect(error.message).toBe('Claude request failed with HTTP 400: api_error: bad request for key [redacted]');
  });

  it('stops at a Retry-After above a minute', async () => {
    const { run, waits } = await chatWith('mistral', [{ kind: 'error', status: 429, message: 'daily quota', retryAfter: '3600' }]);
    const error = (await run.catch((caught: unknown) => caught)) as FluvieError;
    expect(error.code).toBe('rate_limited');
    expect(error.message).toBe('Mistral request failed with HTTP 429: daily quota (the server requests a wait of 3600 s, so try again later)');
    expect(waits).toEqual([]);
  });

  it('names the provider when nothing listens', async () => {
    const config = resolveAiConfig({ FLUVIE_AI_PROVIDER: 'ollama', OLLAMA_HOST: 'http://127.0.0.1:9', FLUVIE_AI_RETRIES: '0' });
    const client = createAiProvider(config);
    await expect(client.chat({ system: 's', messages: MESSAGES, signal: new AbortController().signal })).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('Cannot reach Ollama at http://127.0.0.1:9/api/chat'),
    });
  });
});
