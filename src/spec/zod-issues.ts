/**
 * Turns zod issues into diagnostics: one per problem, with the JSON path, the offending value and
 * what is allowed, in place of zod's generic text.
 */
import type { z } from 'zod';
import { COLOR_PATTERN } from './color.js';
import { describeValue, error, formatPath, type Diagnostic, type PathSegment } from './diagnostics.js';
import { specRegistry } from './schema/registry.js';
import { schemaAtPath, type CoreSchema } from './schema-walk.js';
import { TIME_FORMS, TIME_PATTERN } from './time.js';

type Issue = z.core.$ZodIssue;

const DISCRIMINATOR_LABELS: Readonly<Record<string, string>> = {
  type: 'element type',
  preset: 'animation preset',
  kind: 'kind',
  mode: 'export mode',
};

/** What the issues were found in: the parsed input and, for range messages, the root schema. */
interface IssueSource {
  readonly input: unknown;
  readonly schema: CoreSchema | undefined;
}

/**
 * Converts `issues` found while parsing `input` into diagnostics. With the root `schema`, a number
 * out of range is reported with both of its bounds.
 */
export function diagnosticsFromZodIssues(issues: readonly Issue[], input: unknown, schema?: CoreSchema): Diagnostic[] {
  return convertIssues(issues, { input, schema }, []);
}

function convertIssues(issues: readonly Issue[], source: IssueSource, basePath: readonly PathSegment[]): Diagnostic[] {
  return issues.flatMap((issue) => convertIssue(issue, source, basePath));
}

function convertIssue(issue: Issue, source: IssueSource, basePath: readonly PathSegment[]): Diagnostic[] {
  const segments = [...basePath, ...issue.path.filter(isPathSegment)];
  const path = formatPath(segments);
  const value = valueAt(source.input, segments);

  switch (issue.code) {
    case 'invalid_type':
      return [convertInvalidType(issue, path, segments, value, namedExpectation(source, segments))];
    case 'too_small':
      return [error(path, 'out_of_range', rangeMessage(source, segments, value) ?? tooSmallMessage(issue, value))];
    case 'too_big':
      return [error(path, 'out_of_range', rangeMessage(source, segments, value) ?? tooBigMessage(issue, value))];
    case 'invalid_format':
      return [error(path, 'invalid_format', formatMessage(issue, value))];
    case 'invalid_value':
      return [error(path, 'invalid_value', `${describeValue(value)} is not allowed: expected ${issue.values.map((allowed) => JSON.stringify(allowed)).join(', ')}`)];
    case 'not_multiple_of':
      return [error(path, 'out_of_range', `${describeValue(value)} is not a multiple of ${String(issue.divisor)}`)];
    case 'unrecognized_keys':
      return issue.keys.map((key) => error(formatPath([...segments, key]), 'unknown_property', `unknown property "${key}"`));
    case 'invalid_union':
      return convertUnion(issue, source, segments, value);
    case 'invalid_key':
    case 'invalid_element':
      return convertIssues(issue.issues, source, segments);
    case 'custom':
      return [convertCustom(issue, path, value)];
  }
}

function convertInvalidType(issue: z.core.$ZodIssueInvalidType, path: string, segments: readonly PathSegment[], value: unknown, named: string | null): Diagnostic {
  if (issue.expected === 'never') {
    return error(path, 'not_allowed', issue.message);
  }
  const expected = named ?? expectedName(issue.expected);
  if (value === undefined) {
    const key = segments[segments.length - 1];
    return error(path, 'missing_property', `missing required property ${JSON.stringify(String(key))} (expected ${expected})`);
  }
  return error(path, 'invalid_type', `expected ${expected}, got ${describeValue(value)}`);
}

/** How to describe the values of well-known named schemas, by registry id. */
const NAMED_EXPECTATIONS: Readonly<Record<string, string>> = {
  Time: 'a time such as "30f", "0.5s" or "500ms"',
  Duration: 'a duration such as "90f" or "3s"',
  Color: 'a colour such as "#FF8800" or {"token": "<name>"}',
  HexColor: 'a colour such as "#FF8800"',
  MediaSource: 'a media source {"kind": "asset" | "network" | "file" | "bundle", "value": "..."}',
  Transform: 'a transform {"x": <fraction>, "y": <fraction>, ...}',
};

function namedExpectation(source: IssueSource, segments: readonly PathSegment[]): string | null {
  if (source.schema === undefined) return null;
  for (const resolveLast of [false, true]) {
    const target = schemaAtPath(source.schema, source.input, segments, resolveLast);
    const id = target === undefined ? undefined : specRegistry.get(target)?.id;
    const expectation = id === undefined ? undefined : NAMED_EXPECTATIONS[id];
    if (expectation !== undefined) return expectation;
  }
  return null;
}

function expectedName(expected: string): string {
  switch (expected) {
    case 'int':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'record':
      return 'an object';
    case 'tuple':
      return 'an array';
    default:
      return expected;
  }
}

const LARGEST_BOUND = 1e15;

/** Names both bounds of a number whose schema has a finite minimum and maximum, else null. */
function rangeMessage(source: IssueSource, segments: readonly PathSegment[], value: unknown): string | null {
  if (typeof value !== 'number' || source.schema === undefined) return null;

  const target = schemaAtPath(source.schema, source.input, segments);
  if (target === undefined || target._zod.def.type !== 'number') return null;
  const { minValue, maxValue, isInt } = target as unknown as z.ZodNumber;
  if (minValue === null || maxValue === null || Math.abs(minValue) >= LARGEST_BOUND || Math.abs(maxValue) >= LARGEST_BOUND) return null;

  return `${value} is out of range: expected ${isInt ? 'an integer' : 'a number'} from ${minValue} to ${maxValue}`;
}

function tooSmallMessage(issue: z.core.$ZodIssueTooSmall, value: unknown): string {
  const bound = String(issue.minimum);
  switch (issue.origin) {
    case 'array':
      return `expected at least ${bound} item${bound === '1' ? '' : 's'}, got ${Array.isArray(value) ? value.length : 0}`;
    case 'string':
      return bound === '1' ? 'expected a non-empty string' : `expected at least ${bound} characters`;
    default:
      return `${describeValue(value)} is too small: expected ${issue.inclusive === false ? '>' : '>='} ${bound}`;
  }
}

function tooBigMessage(issue: z.core.$ZodIssueTooBig, value: unknown): string {
  const bound = String(issue.maximum);
  switch (issue.origin) {
    case 'array':
      return `expected at most ${bound} items, got ${Array.isArray(value) ? value.length : 0}`;
    case 'string':
      return `expected at most ${bound} characters`;
    default:
      return `${describeValue(value)} is too large: expected ${issue.inclusive === false ? '<' : '<='} ${bound}`;
  }
}

function formatMessage(issue: z.core.$ZodIssueInvalidStringFormat, value: unknown): string {
  if (issue.format === 'regex' && issue.pattern === String(TIME_PATTERN)) {
    return `invalid time ${describeValue(value)}: expected ${TIME_FORMS}, for example "30f", "0.5s" or "500ms"`;
  }
  if (issue.format === 'regex' && issue.pattern === String(COLOR_PATTERN)) {
    return `invalid colour ${describeValue(value)}: expected "#RRGGBB" or "#AARRGGBB" in hex, for example "#FF8800"`;
  }
  return `invalid ${issue.format} ${describeValue(value)}: ${issue.message}`;
}

function convertCustom(issue: z.core.$ZodIssueCustom, path: string, value: unknown): Diagnostic {
  const label = typeof issue.params?.['label'] === 'string' ? issue.params['label'] : undefined;
  const code = typeof issue.params?.['code'] === 'string' ? issue.params['code'] : 'invalid';
  if (issue.params?.['missing'] === true) return error(path, 'missing_property', issue.message);
  if (label === undefined) return error(path, code, issue.message);

  const shown = typeof value === 'object' && value !== null ? '' : ` ${describeValue(value)}`;
  return error(path, code, `invalid ${label}${shown}: ${issue.message}`);
}

function convertUnion(issue: z.core.$ZodIssueInvalidUnion, source: IssueSource, segments: readonly PathSegment[], value: unknown): Diagnostic[] {
  const discriminator = typeof issue['discriminator'] === 'string' ? issue['discriminator'] : undefined;
  if (discriminator !== undefined || issue.errors.length === 0) {
    return [discriminatorDiagnostic(issue, segments, value, discriminator)];
  }

  const best = pickBranch(issue.errors, value);
  const unknownTag = unknownTagDiagnostic(issue.errors, best, segments, value);
  if (unknownTag !== null) return [unknownTag];
  return convertIssues(best, source, segments);
}

/**
 * Reports an object whose tag key (such as `kind`) matches no object form of a plain union, with
 * every allowed tag value, in place of the first form's complaint about it. Returns null unless the
 * best form already fails on its tag, which means no form accepts the tag the value has.
 */
function unknownTagDiagnostic(branches: readonly (readonly Issue[])[], best: readonly Issue[], segments: readonly PathSegment[], value: unknown): Diagnostic | null {
  const tagIssue = best.find((issue) => isTagMismatch(issue, value));
  if (tagIssue === undefined) return null;

  const key = tagIssue.path[0] as PathSegment;
  const allowed = new Set<string>();
  for (const branch of branches) {
    for (const issue of branch) {
      if (issue.code === 'invalid_value' && issue.path.length === 1 && issue.path[0] === key) {
        for (const tag of issue.values) allowed.add(String(tag));
      }
    }
  }
  const label = typeof key === 'string' ? (DISCRIMINATOR_LABELS[key] ?? key) : 'value';
  const tag = valueAt(value, [key]);
  return error(formatPath([...segments, key]), 'unknown_type', `unknown ${label} ${describeValue(tag)}; expected one of ${[...allowed].join(', ')}`);
}

function discriminatorDiagnostic(issue: z.core.$ZodIssueInvalidUnion, segments: readonly PathSegment[], value: unknown, discriminator: string | undefined): Diagnostic {
  // A discriminated union adds the allowed discriminator values as `options`.
  const extra = issue as unknown as { readonly options?: unknown };
  const options = Array.isArray(extra.options) ? extra.options.map(String) : [];
  const label = discriminator === undefined ? 'value' : (DISCRIMINATOR_LABELS[discriminator] ?? discriminator);
  const allowed = options.length > 0 ? `; expected one of ${options.join(', ')}` : '';
  // zod reports the path of the discriminator key itself (`...children[0].type`).
  if (value === undefined) {
    return error(formatPath(segments), 'missing_property', `missing ${discriminator === undefined ? 'value' : JSON.stringify(discriminator)}${allowed}`);
  }
  return error(formatPath(segments), 'unknown_type', `unknown ${label} ${describeValue(value)}${allowed}`);
}

/**
 * Picks the union member whose issues explain the failure best: members that fail because the
 * value has the wrong JSON type, or lacks the discriminator key, are the least likely intent.
 */
function pickBranch(branches: readonly (readonly Issue[])[], value: unknown): readonly Issue[] {
  let best: readonly Issue[] = branches[0] ?? [];
  let bestScore = Number.POSITIVE_INFINITY;
  for (const branch of branches) {
    const score = branchScore(branch, value);
    if (score < bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return best;
}

function branchScore(branch: readonly Issue[], value: unknown): number {
  let score = branch.length;
  for (const issue of branch) {
    const segments = issue.path.filter(isPathSegment);
    const found = valueAt(value, segments);
    if (issue.code === 'invalid_type' && segments.length === 0) score += 100;
    // An enum or literal form that rejects a value of another JSON type (an object for a name) fits least.
    if (issue.code === 'invalid_value' && segments.length === 0 && !issue.values.some((allowed) => jsonType(allowed) === jsonType(value))) score += 100;
    if (issue.code === 'invalid_union' && typeof issue['discriminator'] === 'string' && found === undefined) score += 50;
    if (isTagMismatch(issue, value)) score += 50;
    // A form that needs a property the value lacks fits worse than one that only rejects a present
    // property: `{"evenly": 5}` is closer to `{evenly}` than to `{each}`.
    if (segments.length > 0 && found === undefined) score += 0.5;
  }
  return score;
}

/** True when `issue` rejects a present top-level key whose schema is a single literal, such as `"kind": "typing"` against `kind: "instant"`. */
function isTagMismatch(issue: Issue, value: unknown): issue is z.core.$ZodIssueInvalidValue {
  if (issue.code !== 'invalid_value' || issue.path.length !== 1 || issue.values.length !== 1) return false;
  const segment = issue.path[0];
  return segment !== undefined && isPathSegment(segment) && typeof valueAt(value, [segment]) === 'string';
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function isPathSegment(segment: PropertyKey): segment is PathSegment {
  return typeof segment === 'string' || typeof segment === 'number';
}

/** Reads the value at `segments` inside a JSON document, or undefined when absent. */
export function valueAt(root: unknown, segments: readonly PathSegment[]): unknown {
  let current: unknown = root;
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}
