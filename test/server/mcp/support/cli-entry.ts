/**
 * Starts the CLI from the TypeScript sources, for tests that spawn `fluvie-render` as a process
 * without a build: `vite-node test/server/mcp/support/cli-entry.ts -- <args>`.
 */
import { main } from '../../../../src/cli/main.js';

const separator = process.argv.indexOf('--');
main(['node', 'fluvie-render', ...(separator === -1 ? process.argv.slice(2) : process.argv.slice(separator + 1))]);
