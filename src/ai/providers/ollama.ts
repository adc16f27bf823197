/**
 * A local Ollama server: `POST /api/chat` with `format: "json"` and `stream: false`, no key. The
 * default model (llama3.1) has no vision, so turns carry text only.
 */
import { FluvieError } from '../../core/errors.js';
import { CHAT_TEMPERATURE, PROVIDERS, textOf, type AiProvider, type ChatRequest } from '../ai-provider.js';
import { postJson } from '../http/post-json.js';
import { field, nonEmptyString, type ProviderOptions } from './provider-options.js';

export function createOllamaProvider(options: ProviderOptions): AiProvider {
  const { config } = options;
  const info = PROVIDERS.ollama;
  return {
    name: 'ollama',
    model: config.model,
    supportsVision: info.supportsVision,
    async chat(request: ChatRequest): Promise<string> {
      const body = await postJson({
        provider: info.label,
        url: `${config.baseUrl}/api/chat`,
        headers: {},
        body: {
          model: config.model,
          messages: [{ role: 'system', content: request.system }, ...request.messages.map((message) => ({ role: message.role, content: textOf(message) }))],
          format: 'json',
          stream: false,
          options: { temperature: CHAT_TEMPERATURE },
        },
        timeoutMs: config.timeoutMs,
        maxRetries: config.maxRetries,
        signal: request.signal,
        describeError: (error) => nonEmptyString(field(error, 'error')),
        secrets: [],
        ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
      });
      const content = field(field(body, 'message'), 'content');
      if (typeof content !== 'string' || content.trim() === '') {
        throw new FluvieError('unavailable', `Ollama returned no text (done_reason ${JSON.stringify(field(body, 'done_reason') ?? null)}).`);
      }
      return content;
    },
  };
}
