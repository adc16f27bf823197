/**
 * `fluvie-render prompt <text...>`: authors a VideoSpec from a description with an LLM, saves it,
 * and renders it. The work happens in prompt-run.ts, imported on use.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { addAuthorOptions, type AuthorFlags } from './author-options.js';

export function registerPromptCommand(program: Command, context: CliContext): void {
  const command = program
    .command('prompt')
    .description('Author a VideoSpec from a description with an AI provider, save it, and render it.')
    .argument('<text...>', 'description of the video; the words are joined with spaces');
  addAuthorOptions(command, { out: 'video.mp4, or video.<extension> of another --format', specOut: '<out without extension>.fluvie.json' });
  command.addHelpText(
    'after',
    '\nProviders and keys: claude (ANTHROPIC_API_KEY), gemini (GEMINI_API_KEY), mistral (MISTRAL_API_KEY), ollama (no key, OLLAMA_HOST).\nFLUVIE_AI_MODEL overrides the model.\n\nExamples:\n  fluvie-render prompt "a 10s coffee promo" --out promo.mp4\n  fluvie-render prompt --provider gemini --no-render "a product teaser" --spec-out teaser.fluvie.json',
  );
  command.action(async (words: string[], flags: AuthorFlags, self: Command) => {
    const { runPromptCommand } = await import('./prompt-run.js');
    await runPromptCommand(words.join(' '), { ...flags, qualityFromCommandLine: self.getOptionValueSource('quality') === 'cli' }, context);
  });
}
