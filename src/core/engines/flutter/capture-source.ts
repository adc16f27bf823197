/**
 * Maps a render source to what the harness needs: the composition key define, the spec path define,
 * and the parsed spec for predicting the canvas.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FluvieError } from '../../errors.js';
import type { RenderSource } from '../../pipeline/render-request.js';

export interface CaptureSource {
  /** Composition key, or the empty string for spec renders. */
  readonly key: string;
  /** Absolute path of the spec file passed as `FLUVIE_RENDER_SPEC`, or null for key renders. */
  readonly specPath: string | null;
  /** Parsed spec document, or null for key renders. */
  readonly spec: unknown;
}

/** File name of an in-memory spec written into the sandbox for the harness to read. */
export const INPUT_SPEC_FILE_NAME = 'input.fluvie.json';

async function readSpecFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error: unknown) {
    throw new FluvieError('file_not_found', `Cannot read the spec file ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}). Check the --spec path.`, { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error: unknown) {
    throw new FluvieError('spec_invalid', `The spec file ${file} is not valid JSON: ${(error as Error).message}. Run \`fluvie-render spec validate ${file}\` for details.`, { cause: error });
  }
}

/** Resolves the source; an in-memory spec is written to the sandbox as `input.fluvie.json`. */
export async function prepareCaptureSource(source: RenderSource, cwd: string, sandbox: string): Promise<CaptureSource> {
  switch (source.kind) {
    case 'key':
      return { key: source.key, specPath: null, spec: null };
    case 'specFile': {
      const specPath = path.resolve(cwd, source.path);
      return { key: '', specPath, spec: await readSpecFile(specPath) };
    }
    case 'spec': {
      // NOTE: the harness resolves relative asset and file sources itself, and the protocol has
      // no define for `source.baseDir`, so relative paths in an in-memory spec are not resolved
      // against it.
      const specPath = path.join(sandbox, INPUT_SPEC_FILE_NAME);
      await writeFile(specPath, JSON.stringify(source.value));
      return { key: '', specPath, spec: source.value };
    }
  }
}
