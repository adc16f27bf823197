/**
 * Engine selection for `--engine auto|native|flutter`. A composition key needs flutter. A spec uses
 * flutter under `auto` only when a capture harness and a Flutter SDK are both found; otherwise the
 * native engine draws it, which needs no Flutter at all.
 */
import { isFluvieError } from '../errors.js';
import { discoverProject } from '../engines/flutter/project-discovery.js';
import { resolveFlutter } from '../engines/flutter/resolve-flutter.js';
import type { RenderDeps, RenderRequest } from './render-request.js';

export interface EngineChoiceResult {
  engine: 'native' | 'flutter';
  /** Why, for `--verbose`. */
  reason: string;
}

export async function chooseEngine(request: RenderRequest, deps: RenderDeps): Promise<EngineChoiceResult> {
  if (request.source.kind === 'key') return { engine: 'flutter', reason: 'a composition key needs the Flutter harness' };
  if (request.engine === 'native') return { engine: 'native', reason: '--engine native' };
  if (request.engine === 'flutter') return { engine: 'flutter', reason: '--engine flutter' };

  try {
    const project = await discoverProject({ projectDir: request.projectDir, env: deps.env, cwd: deps.cwd });
    const flutter = await resolveFlutter({ flutterPath: request.flutterPath, env: deps.env, cwd: deps.cwd, signal: deps.signal });
    return { engine: 'flutter', reason: `found the harness ${project.harnessPath} and Flutter at ${flutter.path}` };
  } catch (error: unknown) {
    // An explicit --project or --flutter that does not work is a mistake worth reporting.
    if (request.projectDir !== null || request.flutterPath !== null) throw error;
    if (!isFluvieError(error)) throw error;
    return { engine: 'native', reason: `no Flutter project or SDK usable (${firstLine(error.message)})` };
  }
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
