/**
 * Gemini over the Generative Language API: `POST /v1beta/models/<model>:generateContent` with the
 * key in the `x-goog-api-key` header (never in the URL, where proxies would log it).
 */
import { FluvieError } from '../../core/errors.js';
import { CHAT_MAX_TOKENS, CHAT_TEMPERATURE, PROVIDERS, type AiProvider, type ChatMessage, type ChatRequest } from '../ai-provider.js';
import { postJson } from '../http/post-json.js';
import { field, nonEmptyString, type ProviderOptions } from './provider-options.js';

export function createGeminiProvider(options: ProviderOptions): AiProvider {
  const { config } = options;
  const info = PROVIDERS.gemini;
  return {
    name: 'gemini',
    model: config.model,
    supportsVision: info.supportsVision,
    async chat(request: ChatRequest): Promise<string> {
      const body = await postJson({
        provider: info.label,
        url: `${config.baseUrl}/v1beta/models/${encodeURIComponent(config.model)}:generateContent`,
        headers: { 'x-goog-api-key': config.apiKey ?? '' },
        body: {
          systemInstruction: { parts: [{ text: request.system }] },
          contents: request.messages.map(toGeminiContent),
          generationConfig: { temperature: CHAT_TEMPERATURE, maxOutputTokens: CHAT_MAX_TOKENS, responseMimeType: 'application/json' },
        },
        timeoutMs: config.timeoutMs,
        maxRetries: config.maxRetries,
        signal: request.signal,
        describeError: describeGeminiError,
        secrets: config.apiKey === null ? [] : [config.apiKey],
        ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
      });
      return readGeminiText(body);
    },
  };
}

/** Gemini names the assistant role `model`. */
function toGeminiContent(message: ChatMessage): unknown {
  return {
    role: message.role === 'assistant' ? 'model' : 'user',
    parts: message.parts.map((part) => (part.type === 'text' ? { text: part.text } : { inlineData: { mimeType: part.mediaType, data: part.base64 } })),
  };
}

function readGeminiText(body: unknown): string {
  const candidates = field(body, 'candidates');
  const first: unknown = Array.isArray(candidates) ? candidates[0] : undefined;
  const parts = field(field(first, 'content'), 'parts');
  const text = Array.isArray(parts)
    ? parts
        .map((part) => field(part, 'text'))
        .filter((item): item is string => typeof item === 'string')
        .join('')
    : '';
  if (text.trim() === '') {
    const reason = field(first, 'finishReason') ?? field(field(body, 'promptFeedback'), 'blockReason') ?? null;
    throw new FluvieError('unavailable', `Gemini returned no text (finish reason ${JSON.stringify(reason)}).`);
  }
  return text;
}

/** Error bodies look like `{"error":{"code":429,"message":"...","status":"RESOURCE_EXHAUSTED"}}`. */
function describeGeminiError(body: unknown): string | null {
  const error = field(body, 'error');
  const message = nonEmptyString(field(error, 'message'));
  const status = nonEmptyString(field(error, 'status'));
  if (message === null) return null;
  return status === null ? message : `${status}: ${message}`;
}
