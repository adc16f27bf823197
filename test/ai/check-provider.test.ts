import { describe, expect, it } from 'vitest';
import { checkAiProvider } from '../../src/ai/check-provider.js';

describe('checkAiProvider', () => {
  it('passes a configured provider', () => {
    expect(checkAiProvider({ GEMINI_API_KEY: 'g' }, 'gemini')).toBeNull();
    expect(checkAiProvider({}, 'ollama')).toBeNull();
  });

  it('returns the missing key error', () => {
    const error = checkAiProvider({});
    expect(error?.code).toBe('config_invalid');
    expect(error?.details).toEqual({ provider: 'claude', variable: 'ANTHROPIC_API_KEY' });
  });

  it('rejects an unknown provider name', () => {
    expect(checkAiProvider({}, 'openai')?.code).toBe('invalid_request');
  });
});
