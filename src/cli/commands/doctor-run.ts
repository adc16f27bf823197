/** Runs `fluvie-render doctor`. */
import type { CliContext } from '../context.js';
import type { DoctorFlags } from './doctor.js';
import { checkFfmpeg, checkFlutter, checkFonts, checkNode, checkProject, checkServeSettings, type DoctorInputs } from './doctor-checks.js';
import { buildReport, formatReport } from './doctor-report.js';

export async function runDoctorCommand(flags: DoctorFlags, context: CliContext): Promise<void> {
  const inputs: DoctorInputs = {
    ffmpegPath: flags.ffmpeg ?? null,
    flutterPath: flags.flutter ?? null,
    projectDir: flags.project ?? null,
    env: context.env,
    cwd: context.cwd,
    signal: context.signal,
  };
  const checks = [checkNode(), await checkFfmpeg(inputs), await checkFlutter(inputs), await checkProject(inputs), await checkFonts(), checkServeSettings(context.env)];
  const report = buildReport(checks);

  context.stdout.write(flags.json === true ? `${JSON.stringify(report)}\n` : formatReport(report));
  context.exitCode = report.ok ? 0 : 1;
}
