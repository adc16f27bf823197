/** The doctor report: one check per requirement, formatted as text or JSON (pure). */

/**
 * `ok`: present and usable. `warn`: missing or misconfigured, but only some renders or `serve`
 * need it. `fail`: every render needs it, so doctor exits 1.
 */
export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface DoctorCheck {
  readonly name: string;
  readonly status: CheckStatus;
  /** One line: the version and path, or what is wrong. */
  readonly summary: string;
  /** Further lines: encoders, settings, the fix. */
  readonly details: readonly string[];
}

export interface DoctorReport {
  readonly ok: boolean;
  readonly checks: readonly DoctorCheck[];
}

export function buildReport(checks: readonly DoctorCheck[]): DoctorReport {
  return { ok: checks.every((check) => check.status !== 'fail'), checks };
}

const LABELS: Readonly<Record<CheckStatus, string>> = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' };

export function formatReport(report: DoctorReport): string {
  const width = Math.max(...report.checks.map((check) => check.name.length));
  const lines: string[] = [];
  for (const check of report.checks) {
    lines.push(`${LABELS[check.status]}  ${check.name.padEnd(width)}  ${check.summary}`);
    for (const detail of check.details) lines.push(`${' '.repeat(width + 8)}${detail}`);
  }
  const failed = report.checks.filter((check) => check.status === 'fail').map((check) => check.name);
  lines.push('', failed.length === 0 ? 'Ready to render.' : `Not ready to render: fix ${failed.join(', ')}.`, '');
  return lines.join('\n');
}
