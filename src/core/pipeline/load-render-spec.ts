/**
 * Loads the VideoSpec of a render request and validates it for the requested output format.
 * Warnings become `warning` events; any error stops the render before a frame is drawn.
 */
import path from 'node:path';
import { FluvieError } from '../errors.js';
import { loadSpecFile, validateSpec, type Diagnostic, type VideoSpec } from '../../spec/index.js';
import type { RenderDeps, RenderRequest } from './render-request.js';

export interface LoadedRenderSpec {
  spec: VideoSpec;
  /** Folder that relative media sources resolve against. */
  baseDir: string;
}

export async function loadRenderSpec(request: RenderRequest, deps: RenderDeps): Promise<LoadedRenderSpec> {
  const options = { strict: request.strict, format: request.format };
  if (request.source.kind === 'specFile') {
    const file = path.resolve(deps.cwd, request.source.path);
    const loaded = await loadSpecFile(file, options);
    emitWarnings(loaded.diagnostics, deps);
    return { spec: loaded.spec, baseDir: loaded.baseDir };
  }
  if (request.source.kind === 'spec') {
    const report = validateSpec(request.source.value, options);
    if (!report.ok || report.spec === null) throw invalidSpecError(report.diagnostics);
    emitWarnings(report.diagnostics, deps);
    return { spec: report.spec, baseDir: request.source.baseDir };
  }
  throw new FluvieError('usage', `Composition key "${request.source.key}" needs the flutter engine, not a VideoSpec loader.`);
}

function emitWarnings(diagnostics: readonly Diagnostic[], deps: RenderDeps): void {
  for (const item of diagnostics) {
    if (item.severity !== 'warning') continue;
    deps.emit({ type: 'warning', code: item.code, path: item.path, message: item.message });
  }
}

function invalidSpecError(diagnostics: readonly Diagnostic[]): FluvieError {
  const errors = diagnostics.filter((item) => item.severity === 'error');
  const lines = errors.map((item) => `  ${item.path || '(root)'}: ${item.message}`);
  return new FluvieError('spec_invalid', `The spec is invalid (${errors.length} problem(s)):\n${lines.join('\n')}`, {
    details: { diagnostics },
  });
}
