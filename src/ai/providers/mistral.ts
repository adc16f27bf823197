/**
 * Mistral over its chat completions API: `POST /v1/chat/completions` with a Bearer key and JSON
 * mode (`response_format: {type: "json_object"}`). The default model has no vision, so turns
 * carry text only.
 */
import { FluvieError } from '../../core/errors.js';
import { CHAT_MAX_TOKENS, CHAT_TEMPERATURE, PROVIDERS, textOf, type AiProvider, type ChatRequest } from '../ai-provider.js';
import { postJson } from '../http/post-json.js';
import { field, nonEmptyString, type ProviderOptions } from './provider-options.js';

export function createMistralProvider(options: ProviderOptions): AiProvider {
  const { config } = options;
  const info = PROVIDERS.mistral;
  return {
    name: 'mistral',
    model: config.model,
    supportsVision: info.supportsVision,
    async chat(request: ChatRequest): Promise<string> {
      const body = await postJson({
        provider: info.label,
        url: `${config.baseUrl}/v1/chat/completions`,
        headers: { authorization: `Bearer ${config.apiKey ?? ''}` },
        body: {
          model: config.model,
          messages: [{ role: 'system', content: request.system }, ...request.messages.map((message) => ({ role: message.role, content: textOf(message) }))],
          temperature: CHAT_TEMPERATURE,
          max_tokens: CHAT_MAX_TOKENS,
          response_format: { type: 'json_object' },
        },
        timeoutMs: config.timeoutMs,
        maxRetries: config.maxRetries,
        signal: request.signal,
        describeError: describeMistralError,
        secrets: config.apiKey === null ? [] : [config.apiKey],
        ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
      });
      return readMistralText(body);
    },
  };
}

function readMistralText(body: unknown): string {
  const choices = field(body, 'choices');
  const first: unknown = Array.isArray(choices) ? choices[0] : undefined;
  const content = field(field(first, 'message'), 'content');
  if (typeof content !== 'string' || content.trim() === '') {
    throw new FluvieError('unavailable', `Mistral returned no text (finish_reason ${JSON.stringify(field(first, 'finish_reason') ?? null)}).`);
  }
  return content;
}

/** Error bodies are `{"object":"error","message":"...","type":"..."}` or `{"detail": ...}`. */
function describeMistralError(body: unknown): string | null {
  const message = field(body, 'message');
  if (typeof message === 'string' && message.trim() !== '') return message;
  if (message !== undefined && message !== null) return JSON.stringify(message);
  const detail = field(body, 'detail');
  if (detail === undefined) return null;
  return nonEmptyString(detail) ?? JSON.stringify(detail);
}
