/** Text-like element types: Text, SplitText, Typewriter, Markdown, Terminal, Code, Counter. */
import { z } from 'zod';
import { elementType } from './element-base.js';
import { DurationSchema, EaseSchema, TimeSchema } from './primitives.js';
import { named } from './registry.js';
import { BoxDecorationSchema, TEXT_ALIGNS, TextSpanSchema, TextStyleSchema } from './style.js';

const style = TextStyleSchema.optional();
const textAlign = z.enum(TEXT_ALIGNS).optional();
const maxLines = z.int().min(1).optional();

export const TextElementSchema = named(
  elementType('Text', {
    text: z.string().optional(),
    spans: z.array(TextSpanSchema).min(1).optional(),
    style,
    textAlign,
    maxLines,
    decoration: BoxDecorationSchema.optional(),
    /** Logical pixels. */
    padding: z.object({ horizontal: z.number().nonnegative().optional(), vertical: z.number().nonnegative().optional() }).optional(),
    /** Logical pixels. */
    maxWidth: z.number().positive().optional(),
  }).refine((text) => text.text !== undefined || text.spans !== undefined, {
    message: 'expected "text" or "spans"',
    params: { label: 'Text element' },
  }),
  'TextElement',
);

export const SplitTextElementSchema = named(
  elementType('SplitText', {
    text: z.string(),
    /** Default word. */
    by: z.enum(['character', 'word', 'line']).optional(),
    style,
    textAlign,
    maxLines,
  }),
  'SplitTextElement',
);

export const TypewriterElementSchema = named(
  elementType('Typewriter', {
    text: z.string(),
    /** Time per glyph, default 2f. */
    speed: DurationSchema.optional(),
    caret: z.boolean().optional(),
    style,
  }),
  'TypewriterElement',
);

export const MarkdownElementSchema = named(
  elementType('Markdown', { source: z.string(), reveal: TimeSchema.optional() }),
  'MarkdownElement',
);

export const TerminalLineSchema = z.object({ cmd: z.string().optional(), out: z.string().optional(), prompt: z.string().optional() });

export const TerminalElementSchema = named(
  elementType('Terminal', {
    lines: z.array(TerminalLineSchema),
    /** Default "$ ". */
    prompt: z.string().optional(),
    /**
     * Window chrome: an object `{title?, showDots?}` (Fluvie's keys, dots default on), or `true` for
     * a bar with dots and no title. `dots` is accepted as another name for `showDots`.
     */
    chrome: z.union([z.boolean(), z.object({ title: z.string().optional(), showDots: z.boolean().optional(), dots: z.boolean().optional() })]).optional(),
    /** Time per typed glyph, default 2f. */
    typingSpeed: DurationSchema.optional(),
    /** Pause between lines, default 18f. */
    lineGap: TimeSchema.optional(),
    style,
  }),
  'TerminalElement',
);

export const CodeRevealSchema = z.union([
  z.literal('instant'),
  z.object({ kind: z.literal('instant') }),
  z.object({ kind: z.literal('typing'), speed: DurationSchema.optional() }),
  z.object({ kind: z.literal('lineByLine'), perLine: DurationSchema.optional() }),
]);

export const CodeElementSchema = named(
  elementType('Code', {
    source: z.string(),
    /** Source after a change, shown as a diff morph. */
    after: z.string().optional(),
    /** Default plaintext. */
    language: z.string().optional(),
    theme: z.enum(['dark', 'light']).optional(),
    reveal: CodeRevealSchema.optional(),
    /** 1-based line numbers. */
    focusLines: z.array(z.int().min(1)).optional(),
    /** 1-based line numbers. */
    highlightLines: z.array(z.int().min(1)).optional(),
    style,
  }),
  'CodeElement',
);

export const CounterElementSchema = named(
  elementType('Counter', {
    to: z.number(),
    /** Default 0. */
    from: z.number().optional(),
    /** Count-up length, default 1s. */
    reveal: TimeSchema.optional(),
    /** Default linear. */
    ease: EaseSchema.optional(),
    variant: z.enum(['currency', 'percent']).optional(),
    /** Currency symbol, default "$". */
    symbol: z.string().optional(),
    style,
  }),
  'CounterElement',
);
