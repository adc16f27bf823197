/**
 * How a tool is declared: a name, a description, a zod input schema (the SDK checks arguments against
 * it and publishes it as JSON Schema) and a `run` function that returns the result text. A thrown
 * error becomes a tool result with `isError: true` carrying the error message, which a model can act on.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { AnySchema } from '@modelcontextprotocol/sdk/server/zod-compat.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { FluvieError } from '../../core/errors.js';

/** What a running tool can do besides returning its text. */
export interface ToolCall {
  /** Fires when the client cancels the call or the session closes. */
  signal: AbortSignal;
  /** Sends a progress notification when the client asked for progress; a no-op otherwise. */
  progress(completed: number, total: number | undefined, message: string): Promise<void>;
}

export interface ToolSpec<Schema extends z.ZodObject> {
  name: string;
  description: string;
  inputSchema: Schema;
  run(args: z.output<Schema>, call: ToolCall): Promise<string>;
}

/** A tool with its types erased, ready to register on a server. */
export interface DefinedTool {
  readonly name: string;
  register(server: McpServer, onUnexpectedError: (tool: string, error: unknown) => void): void;
}

export function defineTool<Schema extends z.ZodObject>(spec: ToolSpec<Schema>): DefinedTool {
  return {
    name: spec.name,
    register(server, onUnexpectedError) {
      // The SDK's callback type cannot be resolved for a generic schema; the SDK has parsed `args` with `inputSchema` before the call.
      const inputSchema: AnySchema = spec.inputSchema;
      server.registerTool(spec.name, { description: spec.description, inputSchema }, async (args: unknown, extra): Promise<CallToolResult> => {
        const progressToken = extra._meta?.progressToken;
        // A client forgets a progress token once the call's result arrives, so every notification
        // must be written before the result: pending ones are awaited, later ones are dropped.
        const pending = new Set<Promise<void>>();
        let answered = false;
        const call: ToolCall = {
          signal: extra.signal,
          progress(completed, total, message) {
            if (progressToken === undefined || answered) return Promise.resolve();
            const sent = extra.sendNotification({ method: 'notifications/progress', params: { progressToken, progress: completed, total, message } });
            pending.add(sent);
            return sent.finally(() => pending.delete(sent));
          },
        };
        const settle = async (): Promise<void> => {
          answered = true;
          await Promise.allSettled([...pending]);
        };
        try {
          const text = await spec.run(args as z.output<Schema>, call);
          await settle();
          return { content: [{ type: 'text', text }] };
        } catch (error: unknown) {
          await settle();
          if (!(error instanceof FluvieError)) onUnexpectedError(spec.name, error);
          return { content: [{ type: 'text', text: error instanceof Error ? error.message : String(error) }], isError: true };
        }
      });
    },
  };
}
