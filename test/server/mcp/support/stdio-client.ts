/** Spawns `fluvie-render mcp` from the TypeScript sources and connects an SDK client over stdio. */
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { REPO_ROOT } from './mcp-harness.js';

export const CLI_ENTRY = path.join(REPO_ROOT, 'test/server/mcp/support/cli-entry.ts');
export const VITE_NODE = path.join(REPO_ROOT, 'node_modules/.bin/vite-node');

export interface StdioSession {
  client: Client;
  /** Everything the process wrote to stderr so far. */
  stderr: () => string;
  close: () => Promise<void>;
}

/** Environment of the child: PATH and HOME of this process plus `env`. */
export function childEnv(env: Record<string, string>): Record<string, string> {
  const base: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'CI']) {
    const value = process.env[name];
    if (value !== undefined) base[name] = value;
  }
  return { ...base, ...env };
}

/** @param cwd working folder of the process (default the repository root) */
export async function connectStdioClient(env: Record<string, string>, cwd = REPO_ROOT): Promise<StdioSession> {
  const transport = new StdioClientTransport({ command: VITE_NODE, args: [CLI_ENTRY, '--', 'mcp'], env: childEnv(env), cwd, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'fluvie-render-tests', version: '0.0.0' });
  const protocolErrors: Error[] = [];
  client.onerror = (error) => {
    // NOTE: the SDK client (1.32) runs notification handlers a microtask late but handles a response
    // at once. A progress notification that arrives in the same read as the call's result therefore
    // finds its token retired and is reported here (modelcontextprotocol/typescript-sdk#2580). The
    // server writes every notification before the result, so the error is not the server's.
    if (error.message.startsWith('Received a progress notification for an unknown token')) return;
    protocolErrors.push(error);
  };
  await client.connect(transport);
  return {
    client,
    stderr: () => stderr,
    async close() {
      await client.close();
      if (protocolErrors.length > 0) throw new Error(`the stdio stream carried something other than MCP messages: ${protocolErrors.map((error) => error.message).join('; ')}`);
    },
  };
}
