import { describe, expect, it } from 'vitest';
import type { AiConfig } from '../../../src/config/server-config.js';
import { RateLimiter } from '../../../src/server/http/rate-limiter.js';
import { admitRender, defaultProviderReady, type AdmitContext } from '../../../src/server/requests/admit-render.js';
import { parseRenderBody } from '../../../src/server/requests/render-body.js';
import { minimalSpecTools } from '../support/spec-tools.js';

const NO_KEYS: AiConfig = {
  provider: 'claude',
  model: null,
  anthropicApiKey: null,
  geminiApiKey: null,
  mistralApiKey: null,
  rateLimit: 1,
  rateWindowMs: 60_000,
  dailyQuota: 0,
};

function context(ai: Partial<AiConfig> = {}): AdmitContext {
  const config = { ...NO_KEYS, ...ai };
  return {
    ai: config,
    specTools: minimalSpecTools,
    rateLimiter: new RateLimiter({ limit: config.rateLimit, windowMs: config.rateWindowMs, dailyQuota: config.dailyQuota }),
    clientIp: '203.0.113.7',
    nowMs: 0,
    mediaDir: null,
    renderProject: null,
  };
}

const admit = (body: Record<string, unknown>, admitContext: AdmitContext) => () => admitRender(parseRenderBody(body), admitContext);

const BASE = { scenes: [{ duration: '1s' }] };

describe('admitRender for AI inputs', () => {
  it('returns the resolved provider', () => {
    const gate = context({ anthropicApiKey: 'key', geminiApiKey: 'key', rateLimit: 0 });
    expect(admit({ prompt: ' a card ' }, gate)()).toEqual({ kind: 'prompt', prompt: 'a card', provider: 'claude' });
    expect(admit({ edit: { base: BASE, change: 'bluer' }, provider: 'gemini' }, gate)()).toEqual({ kind: 'edit', base: BASE, change: 'bluer', provider: 'gemini' });
  });

  it('lets ollama through without keys', () => {
    expect(admit({ prompt: 'a card', provider: 'ollama' }, context())()).toMatchObject({ provider: 'ollama' });
    expect(admit({ prompt: 'a card' }, context({ provider: 'ollama' }))()).toMatchObject({ provider: 'ollama' });
  });

  it('rejects a missing key with 503', () => {
    const expected = { code: 'unavailable', message: 'AI rendering is not configured on this server' };
    expect(admit({ prompt: 'a card' }, context())).toThrow(expect.objectContaining(expected));
    expect(admit({ prompt: 'a card', provider: 'mistral' }, context({ anthropicApiKey: 'key' }))).toThrow(expect.objectContaining(expected));
  });

  it('rejects a bad server provider with 503', () => {
    expect(admit({ prompt: 'a card' }, context({ provider: 'gpt', anthropicApiKey: 'key' }))).toThrow(expect.objectContaining({ code: 'unavailable' }));
  });

  it('rejects an unknown request provider with 400', () => {
    expect(admit({ prompt: 'a card', provider: 'gpt' }, context({ anthropicApiKey: 'key' }))).toThrow(
      expect.objectContaining({ code: 'invalid_request', message: expect.stringContaining('Unknown AI provider "gpt"') }),
    );
  });

  it('charges the limit only after the key check', () => {
    const gate = context({ rateLimit: 1 });
    expect(admit({ prompt: 'a card' }, gate)).toThrow(expect.objectContaining({ code: 'unavailable' }));
    gate.ai.anthropicApiKey = 'key';
    expect(admit({ prompt: 'a card' }, gate)()).toMatchObject({ kind: 'prompt' });
    expect(admit({ prompt: 'a card' }, gate)).toThrow(expect.objectContaining({ code: 'rate_limited', details: { retryAfterSeconds: 60 } }));
  });
});

describe('defaultProviderReady', () => {
  it('follows the default provider key', () => {
    expect(defaultProviderReady(NO_KEYS)).toBe(false);
    expect(defaultProviderReady({ ...NO_KEYS, anthropicApiKey: 'key' })).toBe(true);
    expect(defaultProviderReady({ ...NO_KEYS, provider: 'ollama' })).toBe(true);
    expect(defaultProviderReady({ ...NO_KEYS, provider: 'gemini', anthropicApiKey: 'key' })).toBe(false);
  });
});
