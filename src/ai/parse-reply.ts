/**
 * Checks a model reply: strips a Markdown code fence, parses the JSON, and validates it as a
 * VideoSpec with unknown properties counted as errors. Problems come back as `path: message` lines
 * ready to send to the model.
 */
import { findJsonError } from '../spec/load.js';
import { validateSpec, type Diagnostic, type OutputFormat, type VideoSpec } from '../spec/index.js';

export type ReplyCheck =
  | { ok: true; spec: VideoSpec; value: unknown; warnings: Diagnostic[] }
  | { ok: false; problems: string[]; diagnostics: Diagnostic[] };

const FENCE = /^```[A-Za-z0-9_-]*[ \t]*\r?\n([\s\S]*?)\r?\n?```$/;

/** Removes one leading and trailing ``` fence (with an optional language tag) and surrounding blanks. */
export function stripCodeFence(reply: string): string {
  const trimmed = reply.trim();
  const match = FENCE.exec(trimmed);
  return match ? (match[1] ?? '').trim() : trimmed;
}

/** Parses and validates `reply`; `format` selects the output-size rules (odd sizes fail for mp4). */
export function checkReply(reply: string, format: OutputFormat | undefined): ReplyCheck {
  const text = stripCodeFence(reply);
  const syntax = findJsonError(text);
  if (syntax !== null) {
    const problem = `invalid JSON at line ${syntax.line}, column ${syntax.column}: ${syntax.problem}`;
    return { ok: false, problems: [problem], diagnostics: [{ path: '', severity: 'error', code: 'invalid_json', message: problem }] };
  }

  const value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const problem = `expected one JSON object (the VideoSpec), got ${Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'null' : typeof value}`;
    return { ok: false, problems: [problem], diagnostics: [{ path: '', severity: 'error', code: 'not_an_object', message: problem }] };
  }

  const report = validateSpec(value, { strict: true, ...(format === undefined ? {} : { format }) });
  if (report.ok && report.spec !== null) {
    return { ok: true, spec: report.spec, value, warnings: report.diagnostics.filter((item) => item.severity === 'warning') };
  }
  const errors = report.diagnostics.filter((item) => item.severity === 'error');
  return { ok: false, problems: errors.map((item) => `${item.path === '' ? '(root)' : item.path}: ${item.message}`), diagnostics: errors };
}
