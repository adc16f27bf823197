/**
 * `fluvie-render mcp`: serves the MCP tools over stdio for desktop assistants. The flags are declared
 * here; the server is imported on use (mcp-run.ts).
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Raw commander values of the mcp flags. */
export interface McpFlags {
  envFile?: string;
}

export function registerMcpCommand(program: Command, context: CliContext): void {
  program
    .command('mcp')
    .description('Serve the MCP tools (docs, VideoSpec schema and validation, renders) over stdio for AI assistants; logs go to stderr.')
    .option('--env-file <path>', 'read variables from this dotenv file; variables set in the environment win')
    .addHelpText(
      'after',
      [
        '',
        'Renders go to FLUVIE_API_URL (with FLUVIE_API_TOKEN) when it is set; otherwise a render API is',
        'started in this process on HOST:PORT (default 127.0.0.1 and a free port) for the download links.',
        'FLUVIE_MCP_MODE=docs offers only the docs and spec tools.',
        '',
        'Example (Claude Desktop, claude_desktop_config.json):',
        '  { "mcpServers": { "fluvie": { "command": "npx", "args": ["fluvie-render", "mcp"] } } }',
      ].join('\n'),
    )
    .action(async (flags: McpFlags) => {
      const { runMcpCommand } = await import('./mcp-run.js');
      await runMcpCommand(flags, context);
    });
}
