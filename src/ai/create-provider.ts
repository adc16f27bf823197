/** Builds the client for a resolved provider config. */
import type { AiConfig } from '../config/ai-config.js';
import type { AiProvider } from './ai-provider.js';
import { createClaudeProvider } from './providers/claude.js';
import { createGeminiProvider } from './providers/gemini.js';
import { createMistralProvider } from './providers/mistral.js';
import { createOllamaProvider } from './providers/ollama.js';
import type { ProviderOptions } from './providers/provider-options.js';

export function createAiProvider(config: AiConfig, seams: Omit<ProviderOptions, 'config'> = {}): AiProvider {
  const options: ProviderOptions = { config, ...seams };
  switch (config.provider) {
    case 'claude':
      return createClaudeProvider(options);
    case 'gemini':
      return createGeminiProvider(options);
    case 'mistral':
      return createMistralProvider(options);
    case 'ollama':
      return createOllamaProvider(options);
  }
}
