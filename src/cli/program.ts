/**
 * Builds the commander program. Each command module under `commands/` only declares its flags and
 * lazy-imports its implementation inside the action, so `--help` loads no canvas, ink or server code.
 */
import { createRequire } from 'node:module';
import { Command } from 'commander';
import type { CliContext } from './context.js';
import { registerRenderCommand } from './commands/render.js';
import { registerSpecCommands } from './commands/spec.js';
import { registerListCommand } from './commands/list.js';
import { registerInitCommand } from './commands/init.js';
import { registerDoctorCommand } from './commands/doctor.js';
import { registerSpecToDartCommand } from './commands/spec-to-dart.js';
import { registerPromptCommand } from './commands/prompt.js';
import { registerEditCommand } from './commands/edit.js';
import { registerServeCommand } from './commands/serve.js';
import { registerCleanupCommand } from './commands/cleanup.js';
import { registerMcpCommand } from './commands/mcp.js';
import { registerWorkerCommand } from './commands/worker.js';

/** Every command module exports one function of this shape. */
export type RegisterCommand = (program: Command, context: CliContext) => void;

const COMMANDS: readonly RegisterCommand[] = [registerRenderCommand, registerPromptCommand, registerEditCommand, registerSpecCommands, registerSpecToDartCommand, registerListCommand, registerInitCommand, registerDoctorCommand, registerServeCommand, registerMcpCommand, registerCleanupCommand, registerWorkerCommand];

export function buildProgram(context: CliContext): Command {
  const program = new Command('fluvie-render')
    .description('Render Fluvie videos and VideoSpec documents to video files, or serve renders over HTTP.')
    .version(readVersion(), '-V, --version', 'print the fluvie-render version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
    })
    .exitOverride();
  for (const register of COMMANDS) register(program, context);
  // Subcommands inherit the output and exit behaviour of the root.
  for (const command of program.commands) applyParentSettings(command, context);
  return program;
}

function applyParentSettings(command: Command, context: CliContext): void {
  command
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
    });
  for (const child of command.commands) applyParentSettings(child, context);
}

function readVersion(): string {
  // src/cli and dist/cli both sit two folders below package.json.
  const manifest = createRequire(import.meta.url)('../../package.json') as { version: string };
  return manifest.version;
}
