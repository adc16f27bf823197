/**
 * `fluvie-render doctor`: reports the tools and settings renders depend on and exits 1 when
 * something a render needs is missing. The checks run in doctor-run.ts, imported on use.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Raw commander values of the doctor flags. */
export interface DoctorFlags {
  ffmpeg?: string;
  flutter?: string;
  project?: string;
  json?: boolean;
}

export function registerDoctorCommand(program: Command, context: CliContext): void {
  program
    .command('doctor')
    .description('Check Node, ffmpeg, Flutter, the capture harness, fonts and server settings; exit 1 when a render requirement is missing.')
    .option('--ffmpeg <path>', 'ffmpeg binary to check (default: $FLUVIE_FFMPEG, $FFMPEG_PATH, PATH, then the bundled build)')
    .option('--flutter <path>', 'flutter binary to check (default: $FLUTTER_PATH, then PATH)')
    .option('--project <dir>', 'Flutter project to check (default: $RENDER_PROJECT, then search upwards)')
    .option('--json', 'print the report as one JSON object on stdout')
    .action(async (flags: DoctorFlags) => {
      const { runDoctorCommand } = await import('./doctor-run.js');
      await runDoctorCommand(flags, context);
    });
}
