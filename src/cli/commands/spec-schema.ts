/** Runs `fluvie-render spec schema`. */
import { videoSpecJsonSchema } from '../../spec/json-schema.js';
import type { CliContext } from '../context.js';

export function runSpecSchema(context: CliContext): void {
  context.stdout.write(`${JSON.stringify(videoSpecJsonSchema(), null, 2)}\n`);
}
