/**
 * The seam between authoring and the LLM vendors. Authoring builds a system prompt and a list of
 * chat turns; each provider client (providers/<name>.ts) sends them in its own wire format and
 * returns the model's reply text.
 */

export type ProviderName = 'claude' | 'gemini' | 'mistral' | 'ollama';

export const PROVIDER_NAMES: readonly ProviderName[] = ['claude', 'gemini', 'mistral', 'ollama'];

/** One piece of a chat turn: text, or a base64 PNG for providers with vision. */
export type ChatPart = { type: 'text'; text: string } | { type: 'image'; mediaType: 'image/png'; base64: string };

export interface ChatMessage {
  role: 'user' | 'assistant';
  parts: readonly ChatPart[];
}

export interface ChatRequest {
  system: string;
  messages: readonly ChatMessage[];
  signal: AbortSignal;
}

export interface AiProvider {
  readonly name: ProviderName;
  readonly model: string;
  /** True when the provider accepts image parts; others never receive them. */
  readonly supportsVision: boolean;
  /**
   * Sends one chat request and returns the reply text.
   * Throws FluvieError naming the provider, the HTTP status and the provider's message (never the key).
   */
  chat(request: ChatRequest): Promise<string>;
}

/** Static facts about a provider: defaults and the environment variables that configure it. */
export interface ProviderInfo {
  readonly name: ProviderName;
  /** Human-readable name for messages. */
  readonly label: string;
  readonly defaultModel: string;
  readonly supportsVision: boolean;
  /** Variable that contains the API key, or null for providers without one (Ollama). */
  readonly keyVariable: string | null;
  /** Variable that overrides the base URL, named as the vendor's own SDK names it. */
  readonly baseUrlVariable: string;
  readonly defaultBaseUrl: string;
}

/** Default models and endpoints follow the Dart fluvie_ai client factory. */
export const PROVIDERS: Readonly<Record<ProviderName, ProviderInfo>> = {
  claude: {
    name: 'claude',
    label: 'Claude',
    defaultModel: 'claude-opus-4-8',
    supportsVision: true,
    keyVariable: 'ANTHROPIC_API_KEY',
    baseUrlVariable: 'ANTHROPIC_BASE_URL',
    defaultBaseUrl: 'https://api.anthropic.com',
  },
  gemini: {
    name: 'gemini',
    label: 'Gemini',
    defaultModel: 'gemini-2.5-pro',
    supportsVision: true,
    keyVariable: 'GEMINI_API_KEY',
    baseUrlVariable: 'GEMINI_BASE_URL',
    defaultBaseUrl: 'https://generativelanguage.googleapis.com',
  },
  mistral: {
    name: 'mistral',
    label: 'Mistral',
    defaultModel: 'mistral-large-latest',
    supportsVision: false,
    keyVariable: 'MISTRAL_API_KEY',
    baseUrlVariable: 'MISTRAL_BASE_URL',
    defaultBaseUrl: 'https://api.mistral.ai',
  },
  ollama: {
    name: 'ollama',
    label: 'Ollama',
    defaultModel: 'llama3.1',
    supportsVision: false,
    keyVariable: null,
    baseUrlVariable: 'OLLAMA_HOST',
    defaultBaseUrl: 'http://localhost:11434',
  },
};

/** Sampling settings shared by every provider, as in the Dart client. */
export const CHAT_MAX_TOKENS = 8192;
export const CHAT_TEMPERATURE = 0.4;

export function isProviderName(value: string): value is ProviderName {
  return (PROVIDER_NAMES as readonly string[]).includes(value);
}

/** Concatenates the text parts of a message (for providers whose turns carry plain strings). */
export function textOf(message: ChatMessage): string {
  return message.parts
    .filter((part): part is { type: 'text'; text: string } => part.type === 'text')
    .map((part) => part.text)
    .join('\n\n');
}

/** Collects the base64 PNGs of a message. */
export function imagesOf(message: ChatMessage): string[] {
  return message.parts.filter((part): part is Extract<ChatPart, { type: 'image' }> => part.type === 'image').map((part) => part.base64);
}
