/** Shared body of the render tools: submit, then either return at once or wait with progress. */
import type { RenderBody } from './render-gateway.js';
import { formatQueued, formatRenderResult, progressMessage } from './render-result-text.js';
import type { ToolCall } from './tool-definition.js';
import type { RenderToolContext } from './tool-context.js';
import { waitForJob } from './wait-for-job.js';

export async function startRender(context: RenderToolContext, body: RenderBody, wait: boolean, call: ToolCall): Promise<string> {
  const job = await context.gateway.submit(body, call.signal);
  if (!wait) return formatQueued(job);

  // MCP requires the progress value to grow with each notification, so repeats are not sent.
  let lastSent = -1;
  const finished = await waitForJob(context.gateway, job, {
    timeoutMs: context.waitTimeoutMs,
    signal: call.signal,
    async onUpdate(update) {
      const completed = update.progress?.completed ?? 0;
      if (completed <= lastSent) return;
      lastSent = completed;
      await call.progress(completed, update.progress?.total, progressMessage(update));
    },
  });
  return formatRenderResult(finished);
}
