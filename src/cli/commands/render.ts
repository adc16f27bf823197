/**
 * `fluvie-render render [key]`: declares the flags; the work happens in render-run.ts, imported on use.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { RENDER_FLAGS, toOption } from '../options.js';

/** Raw commander values of the render flags. */
export interface RenderFlags {
  spec?: string;
  out?: string;
  /** Undefined unless given: the `--out` extension then decides (see output-format.ts). */
  format?: string;
  quality: string;
  aspect?: string;
  poster?: string;
  frames?: number;
  engine: string;
  allowUnsupported?: boolean;
  allowNetwork?: boolean;
  strict?: boolean;
  ffmpeg?: string;
  project?: string;
  flutter?: string;
  keepTemp?: boolean;
  verbose?: boolean;
  json?: boolean;
  /**
   * True when `--quality` came from the command line. The action handler sets it, because the
   * default gives `quality` a value either way.
   */
  qualityFromCommandLine?: boolean;
}

export function registerRenderCommand(program: Command, context: CliContext): void {
  const command = program
    .command('render')
    .description('Render a VideoSpec file (--spec) or a Flutter composition key to a video file.')
    .argument('[key]', 'composition key of a Flutter project (instead of --spec)');
  for (const definition of RENDER_FLAGS) command.addOption(toOption(definition));
  command.addHelpText(
    'after',
    '\nExamples:\n  fluvie-render render --spec promo.fluvie.json\n  fluvie-render render --spec promo.fluvie.json --format gif --out promo.gif\n  fluvie-render render intro --out intro.mp4 --project ./my_app',
  );
  command.action(async (key: string | undefined, flags: RenderFlags, self: Command) => {
    const { runRenderCommand } = await import('./render-run.js');
    await runRenderCommand(key ?? null, { ...flags, qualityFromCommandLine: self.getOptionValueSource('quality') === 'cli' }, context);
  });
}
