/** The user turns of an authoring conversation: the first request, an edit, and a repair. */
import type { ChatMessage, ChatPart } from '../ai-provider.js';

/** Turns a free-text description into the first user turn. */
export function promptMessage(prompt: string): ChatMessage {
  return { role: 'user', parts: [{ type: 'text', text: `Create a VideoSpec for this video:\n${prompt.trim()}` }] };
}

/**
 * Builds the edit turn: the current spec as pretty JSON, the requested change, and, when given,
 * the spec's poster frame as a PNG, which shows a vision model the video it is changing.
 */
export function editMessage(base: unknown, change: string, posterPngBase64: string | null): ChatMessage {
  const text = [
    'Here is the current VideoSpec:',
    JSON.stringify(base, null, 2),
    posterPngBase64 === null ? null : 'The attached image is its poster frame as rendered now.',
    `Apply this change and return the full updated VideoSpec (not a diff):\n${change.trim()}`,
  ]
    .filter((line): line is string => line !== null)
    .join('\n\n');
  const parts: ChatPart[] = [{ type: 'text', text }];
  if (posterPngBase64 !== null) parts.push({ type: 'image', mediaType: 'image/png', base64: posterPngBase64 });
  return { role: 'user', parts };
}

/** Sends the validation problems of the previous reply back, one per line. */
export function repairMessage(problems: readonly string[]): ChatMessage {
  const list = problems.map((problem) => `- ${problem}`).join('\n');
  const text = `That spec was invalid:\n${list}\nReturn a corrected VideoSpec as one JSON object only, with no prose and no code fences.`;
  return { role: 'user', parts: [{ type: 'text', text }] };
}
