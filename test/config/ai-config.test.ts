import { describe, expect, it } from 'vitest';
import { resolveAiConfig } from '../../src/config/ai-config.js';
import { FluvieError } from '../../src/core/errors.js';

function failure(run: () => unknown): FluvieError {
  try {
    run();
  } catch (error: unknown) {
    if (error instanceof FluvieError) return error;
    throw error;
  }
  throw new Error('expected a FluvieError');
}

describe('resolveAiConfig', () => {
  it('defaults to claude with the official endpoint', () => {
    const config = resolveAiConfig({ ANTHROPIC_API_KEY: 'k' });
    expect(config).toEqual({
      provider: 'claude',
      model: 'claude-opus-4-8',
      apiKey: 'k',
      baseUrl: 'https://api.anthropic.com',
      timeoutMs: 300_000,
      maxRetries: 3,
    });
  });

  it('lets the explicit provider win over the env', () => {
    const config = resolveAiConfig({ FLUVIE_AI_PROVIDER: 'claude', GEMINI_API_KEY: 'g' }, { provider: 'gemini' });
    expect(config.provider).toBe('gemini');
    expect(config.model).toBe('gemini-2.5-pro');
    expect(config.apiKey).toBe('g');
  });

  it('names the key variable when it is missing', () => {
    const error = failure(() => resolveAiConfig({ FLUVIE_AI_PROVIDER: 'mistral', MISTRAL_API_KEY: '  ' }));
    expect(error.code).toBe('config_invalid');
    expect(error.message).toContain('set MISTRAL_API_KEY');
    expect(error.details).toEqual({ provider: 'mistral', variable: 'MISTRAL_API_KEY' });
  });

  it('needs no key for ollama and accepts a bare host', () => {
    const config = resolveAiConfig({ OLLAMA_HOST: '127.0.0.1:11500/' }, { provider: 'ollama' });
    expect(config.apiKey).toBeNull();
    expect(config.baseUrl).toBe('http://127.0.0.1:11500');
  });

  it('rejects unknown providers by source', () => {
    expect(failure(() => resolveAiConfig({}, { provider: 'gpt' })).code).toBe('invalid_request');
    expect(failure(() => resolveAiConfig({ FLUVIE_AI_PROVIDER: 'gpt' })).code).toBe('config_invalid');
  });

  it('reads timeout and retries', () => {
    const config = resolveAiConfig({ ANTHROPIC_API_KEY: 'k', FLUVIE_AI_TIMEOUT: '90s', FLUVIE_AI_RETRIES: '0' });
    expect(config.timeoutMs).toBe(90_000);
    expect(config.maxRetries).toBe(0);
    expect(failure(() => resolveAiConfig({ ANTHROPIC_API_KEY: 'k', FLUVIE_AI_TIMEOUT: '1.5m' })).message).toContain('FLUVIE_AI_TIMEOUT');
  });

  it('rejects a base URL that is not http', () => {
    const error = failure(() => resolveAiConfig({ ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: 'ftp://proxy' }));
    expect(error.message).toContain('ANTHROPIC_BASE_URL');
  });
});
