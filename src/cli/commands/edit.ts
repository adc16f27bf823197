/**
 * `fluvie-render edit <spec> <change...>`: requests a changed VideoSpec from an LLM, saves the result, and
 * renders it. The work happens in edit-run.ts, imported on use.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { addAuthorOptions, type AuthorFlags } from './author-options.js';

export function registerEditCommand(program: Command, context: CliContext): void {
  const command = program
    .command('edit')
    .description('Change a VideoSpec with an AI provider, save the result, and render it.')
    .argument('<spec>', 'VideoSpec JSON file to change')
    .argument('<change...>', 'the change to make; the words are joined with spaces');
  addAuthorOptions(command, { out: "the spec's name with the format's extension in the current folder", specOut: 'overwrite <spec>' });
  command.addHelpText('after', '\nExamples:\n  fluvie-render edit promo.fluvie.json "make the title pop"\n  fluvie-render edit promo.fluvie.json "use a dark background" --spec-out promo-dark.fluvie.json');
  command.action(async (specFile: string, words: string[], flags: AuthorFlags, self: Command) => {
    const { runEditCommand } = await import('./edit-run.js');
    await runEditCommand(specFile, words.join(' '), { ...flags, qualityFromCommandLine: self.getOptionValueSource('quality') === 'cli' }, context);
  });
}
