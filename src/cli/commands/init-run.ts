/** Runs `fluvie-render init`: copies the harness template into the project and prints next steps. */
import { access, copyFile, constants, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HARNESS_RELATIVE_PATH } from '../../core/engines/flutter/dart-defines.js';
import { FluvieError } from '../../core/errors.js';
import { createFolders } from '../../core/fs/create-folders.js';
import type { CliContext } from '../context.js';
import type { InitFlags } from './init.js';

/** The template ships in the package's `templates/` folder, three levels above this module in src/ and dist/. */
export const HARNESS_TEMPLATE = fileURLToPath(new URL('../../../templates/flutter/capture_harness_test.dart', import.meta.url));

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** Writes the harness into `project` and returns its path. */
export async function writeHarness(projectDir: string, force: boolean): Promise<string> {
  const folder = await stat(projectDir).catch(() => null);
  if (folder === null || !folder.isDirectory()) {
    const problem = folder === null ? 'does not exist' : 'is not a folder';
    throw new FluvieError('file_not_found', `The project folder ${projectDir} ${problem}. Pass the folder of your Flutter project (the one with pubspec.yaml) to --project.`);
  }
  if (!(await exists(path.join(projectDir, 'pubspec.yaml')))) {
    throw new FluvieError('file_not_found', `${projectDir} has no pubspec.yaml, so it is not a Flutter project. Run fluvie-render init inside your Flutter project, or pass --project <dir>.`);
  }

  const target = path.join(projectDir, HARNESS_RELATIVE_PATH);
  if (!force && (await exists(target))) {
    throw new FluvieError('output_failed', `${target} already exists. Pass --force to replace it with the fluvie-render harness (your composition registrations in it are lost).`);
  }
  await createFolders(path.dirname(target));
  // COPYFILE_EXCL closes the gap between the check above and the write.
  await copyFile(HARNESS_TEMPLATE, target, force ? 0 : constants.COPYFILE_EXCL);
  return target;
}

export function formatNextSteps(projectDir: string, target: string): string {
  const project = projectDir.includes(' ') ? JSON.stringify(projectDir) : projectDir;
  return [
    `Wrote ${target}`,
    '',
    'Next steps:',
    `  1. Make sure the project depends on fluvie: cd ${project} && flutter pub add fluvie`,
    `  2. Register your compositions in the \`compositions\` map of ${HARNESS_RELATIVE_PATH}`,
    `  3. Check the keys:     fluvie-render list --project ${project}`,
    `  4. Render one:         fluvie-render render <key> --project ${project} --out video.mp4`,
    `     or render a spec:   fluvie-render render --spec video.fluvie.json --engine flutter --project ${project}`,
    '',
  ].join('\n');
}

export async function runInitCommand(flags: InitFlags, context: CliContext): Promise<void> {
  const projectDir = path.resolve(context.cwd, flags.project ?? '.');
  const target = await writeHarness(projectDir, flags.force === true);
  context.stdout.write(formatNextSteps(projectDir, target));
}
