/**
 * defineTool's progress ordering: every notification a tool started is written before its result,
 * and progress reported after the result is dropped, because clients retire the token then.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineTool, type ToolCall } from '../../../src/server/mcp/tool-definition.js';

type Handler = (args: unknown, extra: unknown) => Promise<{ content: Array<{ text: string }>; isError?: boolean }>;

/** Registers `run` as a tool on a stand-in server and returns the SDK-facing handler. */
function registered(run: (call: ToolCall) => Promise<string>): Handler {
  let handler: Handler | undefined;
  const server = { registerTool: (_name: string, _config: unknown, callback: Handler) => void (handler = callback) } as unknown as McpServer;
  defineTool({ name: 'probe', description: 'probe', inputSchema: z.object({}), run: (_args, call) => run(call) }).register(server, () => undefined);
  if (handler === undefined) throw new Error('the tool did not register');
  return handler;
}

function slowTransport(log: string[]) {
  return {
    signal: new AbortController().signal,
    _meta: { progressToken: 7 },
    sendNotification: (notification: { params: { progress: number } }) =>
      new Promise<void>((resolve) => setTimeout(() => {
        log.push(`progress ${notification.params.progress}`);
        resolve();
      }, 30)),
  };
}

describe('defineTool progress', () => {
  it('writes started notifications before the result', async () => {
    const log: string[] = [];
    const handler = registered(async (call) => {
      void call.progress(1, 2, 'half');
      void call.progress(2, 2, 'done');
      return 'finished';
    });
    const result = await handler({}, slowTransport(log));
    log.push(`result ${result.content[0]?.text}`);
    expect(log).toEqual(['progress 1', 'progress 2', 'result finished']);
  });

  it('drops progress after the result', async () => {
    const log: string[] = [];
    let late: ToolCall | undefined;
    const handler = registered(async (call) => {
      late = call;
      return 'finished';
    });
    await handler({}, slowTransport(log));
    await late?.progress(3, 3, 'too late');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(log).toEqual([]);
  });

  it('settles notifications of a failed tool', async () => {
    const log: string[] = [];
    const handler = registered(async (call) => {
      void call.progress(1, 2, 'half');
      throw new Error('render failed');
    });
    const result = await handler({}, slowTransport(log));
    log.push(`error ${result.content[0]?.text}`);
    expect(result.isError).toBe(true);
    expect(log).toEqual(['progress 1', 'error render failed']);
  });
});
