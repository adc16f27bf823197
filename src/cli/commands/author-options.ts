/**
 * Flags shared by `prompt` and `edit`: the authoring flags plus every render flag except `--spec`
 * (the authored spec is the source) and `--out` (declared here with its authoring meaning).
 */
import { Option, type Command } from 'commander';
import { PROVIDER_NAMES } from '../../ai/ai-provider.js';
import { RENDER_FLAGS, toOption } from '../options.js';
import type { RenderFlags } from './render.js';

/** Raw commander values of the `prompt` and `edit` flags. */
export interface AuthorFlags extends Omit<RenderFlags, 'spec'> {
  specOut?: string;
  dartOut?: string;
  provider?: string;
  /** False with `--no-render`. */
  render: boolean;
}

const SKIPPED_RENDER_FLAGS = new Set(['--spec <file>', '-o, --out <path>']);

export function addAuthorOptions(command: Command, defaults: { out: string; specOut: string }): Command {
  command
    .option('-o, --out <path>', `video output file (default: ${defaults.out})`)
    .option('--spec-out <file>', `where to save the authored VideoSpec, even when the render fails (default: ${defaults.specOut})`)
    .option('--dart-out <file.dart>', 'also save the authored spec as Dart `Video build()` source')
    .addOption(new Option('--provider <name>', 'AI provider (default: $FLUVIE_AI_PROVIDER, else claude)').choices([...PROVIDER_NAMES]))
    .option('--no-render', 'only author and save the spec, do not render it');
  for (const definition of RENDER_FLAGS) {
    if (!SKIPPED_RENDER_FLAGS.has(definition.flags)) command.addOption(toOption(definition));
  }
  return command;
}
