/** The texts the render tools return, line for line as the Dart MCP server writes them. */
import type { JobJson } from '../jobs/job-view.js';

/** `Video: <url>` and `Poster: <url>` lines, then the printed Dart of AI renders. */
export function formatRenderResult(job: JobJson): string {
  const lines: string[] = [];
  if (job.video !== undefined) lines.push(`Video: ${job.video.downloadUrl}`);
  if (job.poster !== undefined) lines.push(`Poster: ${job.poster.downloadUrl}`);
  if (lines.length === 0) lines.push('Render finished, but no downloadable file was returned.');
  if (job.code !== undefined) lines.push('', 'Flutter-style Dart (editable):', job.code);
  return lines.join('\n');
}

/** Result text of a render tool called with `wait: false`. */
export function formatQueued(job: JobJson): string {
  return [`Job: ${job.id}`, `Status: ${job.status}`, `The render runs in the background. Call get_render with {"id": "${job.id}"} to follow it and get the download links.`].join('\n');
}

/** Result text of `get_render`: id, status, progress, then links or the error. */
export function formatJobStatus(job: JobJson): string {
  const lines = [`Job: ${job.id}`, `Status: ${job.status}`];
  if (job.progress !== undefined) lines.push(`Progress: ${job.progress.completed}/${job.progress.total} frames`);
  if (job.error !== undefined) lines.push(`Error: ${job.error}`);
  if (job.status === 'succeeded') lines.push(formatRenderResult(job));
  else if (job.status === 'queued' || job.status === 'running') lines.push('Not finished yet: call get_render again in a few seconds.');
  lines.push(`Files expire at ${job.expiresAt}.`);
  return lines.join('\n');
}

/** The progress message sent while a tool waits. */
export function progressMessage(job: JobJson): string {
  if (job.progress === undefined) return `Render ${job.id} is ${job.status}`;
  return `Render ${job.id} is ${job.status}: frame ${job.progress.completed} of ${job.progress.total}`;
}
