/**
 * Claude over the Anthropic Messages API: `POST /v1/messages` with `x-api-key` and
 * `anthropic-version: 2023-06-01`. The schema travels in the system prompt because the Dart client
 * uses no native structured output either.
 */
import { FluvieError } from '../../core/errors.js';
import { CHAT_MAX_TOKENS, CHAT_TEMPERATURE, PROVIDERS, type AiProvider, type ChatMessage, type ChatRequest } from '../ai-provider.js';
import { postJson } from '../http/post-json.js';
import { field, nonEmptyString, type ProviderOptions } from './provider-options.js';

export const ANTHROPIC_VERSION = '2023-06-01';

export function createClaudeProvider(options: ProviderOptions): AiProvider {
  const { config } = options;
  const info = PROVIDERS.claude;
  return {
    name: 'claude',
    model: config.model,
    supportsVision: info.supportsVision,
    async chat(request: ChatRequest): Promise<string> {
      const body = await postJson({
        provider: info.label,
        url: `${config.baseUrl}/v1/messages`,
        headers: { 'x-api-key': config.apiKey ?? '', 'anthropic-version': ANTHROPIC_VERSION },
        body: {
          model: config.model,
          max_tokens: CHAT_MAX_TOKENS,
          temperature: CHAT_TEMPERATURE,
          system: request.system,
          messages: request.messages.map(toClaudeMessage),
        },
        timeoutMs: config.timeoutMs,
        maxRetries: config.maxRetries,
        signal: request.signal,
        describeError: describeClaudeError,
        secrets: config.apiKey === null ? [] : [config.apiKey],
        ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
      });
      return readClaudeText(body);
    },
  };
}

function toClaudeMessage(message: ChatMessage): unknown {
  return {
    role: message.role,
    content: message.parts.map((part) =>
      part.type === 'text'
        ? { type: 'text', text: part.text }
        : { type: 'image', source: { type: 'base64', media_type: part.mediaType, data: part.base64 } },
    ),
  };
}

/** Joins the `text` blocks of a Messages API response. */
function readClaudeText(body: unknown): string {
  const content = field(body, 'content');
  const texts = Array.isArray(content) ? content.filter((block) => field(block, 'type') === 'text').map((block) => field(block, 'text')) : [];
  const text = texts.filter((item): item is string => typeof item === 'string').join('');
  if (text.trim() === '') {
    throw new FluvieError('unavailable', `Claude returned no text (stop_reason ${JSON.stringify(field(body, 'stop_reason') ?? null)}).`);
  }
  return text;
}

/** Error bodies look like `{"type":"error","error":{"type":"rate_limit_error","message":"..."}}`. */
function describeClaudeError(body: unknown): string | null {
  const error = field(body, 'error');
  const message = nonEmptyString(field(error, 'message'));
  const type = nonEmptyString(field(error, 'type'));
  if (message === null) return null;
  return type === null ? message : `${type}: ${message}`;
}
