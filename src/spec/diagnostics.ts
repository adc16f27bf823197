/** Validation findings: one per problem, located by a JSON path such as `scenes[2].children[0].animate[1].duration`. */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** JSON path of the offending value; '' for the document root. */
  readonly path: string;
  readonly severity: Severity;
  /** Stable machine-readable kind, for example `unknown_property` or `missing_anchor`. */
  readonly code: string;
  /** Names the bad value and what is allowed. */
  readonly message: string;
}

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Formats path segments as `a.b[0].c`, quoting keys that are not identifiers (`fills["hero-title"]`). */
export function formatPath(segments: readonly PathSegment[]): string {
  let text = '';
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** Describes a JSON value for a message: strings quoted, numbers as is, objects by kind. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return 'an object';
}

export function error(path: string, code: string, message: string): Diagnostic {
  return { path, severity: 'error', code, message };
}

export function warning(path: string, code: string, message: string): Diagnostic {
  return { path, severity: 'warning', code, message };
}

/** True when `path` is `ancestor` or lies inside it. */
export function isWithinPath(path: string, ancestor: string): boolean {
  if (ancestor === '') return true;
  if (path === ancestor) return true;
  return path.startsWith(ancestor) && (path[ancestor.length] === '.' || path[ancestor.length] === '[');
}
