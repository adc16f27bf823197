/**
 * The system prompt of every authoring call. It casts the model as a motion director, states the
 * house rules and the time grammar, and embeds the VideoSpec JSON Schema generated from the zod
 * model, so the vocabulary in the prompt cannot drift from what the validator accepts.
 */
import { videoSpecJsonSchema } from '../../spec/json-schema.js';
import { EASE_NAMES } from '../../spec/schema/primitives.js';
import { PRESET_NAMES } from '../../spec/schema/animation.js';
import { ELEMENT_TYPES } from '../../spec/schema/element.js';
import { SIZE_PRESET_NAMES } from '../../spec/size.js';
import { TIME_FORMS } from '../../spec/time.js';

let cached: string | null = null;

/** Builds the system prompt; the text is the same on every call, so it is built once. */
export function buildSystemPrompt(): string {
  cached ??= [ROLE, houseRules(), `VideoSpec JSON Schema (draft 2020-12):\n${JSON.stringify(videoSpecJsonSchema())}`].join('\n\n');
  return cached;
}

const ROLE = [
  'You are a motion director who writes Fluvie VideoSpec documents: JSON that describes a short video as scenes of animated elements.',
  'Reply with exactly one JSON object, the complete VideoSpec. Write no prose, no explanation and no Markdown code fences.',
].join('\n');

function houseRules(): string {
  return [
    'Rules:',
    '- Set "fluvieSpec": 1. "scenes" is required and non-empty; each scene needs a "duration".',
    `- Sizes: a preset (${SIZE_PRESET_NAMES.join(', ')}) or {"width", "height"} in pixels with even numbers. fps defaults to 30.`,
    `- Times are unit-tagged strings: ${TIME_FORMS}. For example "2s", "30f", "500ms", "0.3r" (a fraction of the enclosing window). Never write a bare number for a time.`,
    `- Prefer animation presets (${PRESET_NAMES.join(', ')}) over raw keyframes; add "duration", "ease" and "delay" as needed.`,
    `- Eases: ${EASE_NAMES.join(', ')}.`,
    '- To chain animations, give an element an "anchor" id (a string unique in the document) and start another animation with "at": {"kind": "whenEnds", "anchor": "<id>"} or {"kind": "whenStarts", "anchor": "<id>"}. Every referenced anchor must exist.',
    '- Colours are "#RRGGBB" (or "#AARRGGBB" with alpha first).',
    `- Element types: ${ELEMENT_TYPES.join(', ')}. Place elements with "transform": {"x", "y"} as fractions of the canvas (0..1).`,
    '- Use only properties the schema below defines; unknown properties are rejected.',
    '- Do not reference media files (images, clips, audio) unless the request gives their exact source; use text, shapes, boxes and backgrounds instead.',
    '- Keep text short enough to fit the canvas and use font sizes that read well at the chosen size.',
  ].join('\n');
}
