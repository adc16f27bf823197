/**
 * The rule for local media in specs that arrive over the network. A client must never
 * make the server read arbitrary server files into a video, so `asset`, `file` and `bundle` sources,
 * image and video backgrounds and `lut`/`shader` effect assets are rejected, unless the operator
 * sets a media folder (MEDIA_DIR). With a media folder every such path must resolve inside it:
 * relative paths resolve against the folder, and absolute `file` paths must lie under it.
 * `network` sources are not local and follow ALLOW_NETWORK_MEDIA at render time.
 *
 * The spec is walked as raw JSON, before the schema check, so every reference is found even in a
 * spec that has other problems.
 *
 * NOTE: the check compares paths, not real paths, so a symbolic link inside the media folder that
 * points outside it is followed. The operator controls what the folder contains.
 */
import path from 'node:path';
import { FluvieError } from '../../core/errors.js';

/** One path to a local file in a spec. */
export interface LocalMediaReference {
  /** JSON path of the value, such as `scenes[0].children[1].source`. */
  path: string;
  /** `asset`, `file` or `bundle` for media sources, `background` or `effect` for plain paths. */
  kind: 'asset' | 'file' | 'bundle' | 'background' | 'effect';
  value: string;
}

const SOURCE_KINDS = new Set(['asset', 'file', 'bundle']);
const EFFECT_KINDS_WITH_ASSET = new Set(['lut', 'shader']);
const BACKGROUND_KINDS = new Set(['image', 'video']);

/** Lists every local file reference in a raw spec value, in document order. */
export function findLocalMediaReferences(spec: unknown): LocalMediaReference[] {
  const found: LocalMediaReference[] = [];
  walk(spec, '', null, found);
  return found;
}

function walk(value: unknown, jsonPath: string, key: string | null, found: LocalMediaReference[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, `${jsonPath}[${index}]`, key, found));
    return;
  }
  if (typeof value !== 'object' || value === null) return;

  const object = value as Record<string, unknown>;
  const kind = object['kind'];
  if (typeof kind === 'string') {
    if (SOURCE_KINDS.has(kind) && typeof object['value'] === 'string') {
      found.push({ path: jsonPath, kind: kind as LocalMediaReference['kind'], value: object['value'] });
    }
    if (key === 'background' && BACKGROUND_KINDS.has(kind) && typeof object['source'] === 'string') {
      found.push({ path: `${jsonPath}.source`, kind: 'background', value: object['source'] });
    }
    if (key === 'effects' && EFFECT_KINDS_WITH_ASSET.has(kind) && typeof object['asset'] === 'string') {
      found.push({ path: `${jsonPath}.asset`, kind: 'effect', value: object['asset'] });
    }
  }
  for (const [childKey, child] of Object.entries(object)) {
    walk(child, jsonPath === '' ? childKey : `${jsonPath}.${childKey}`, childKey, found);
  }
}

/**
 * Returns the reason `reference` may not be read under `mediaDir`, or null when it may.
 * A null `mediaDir` means no local media at all.
 */
export function mediaReferenceProblem(reference: LocalMediaReference, mediaDir: string | null): string | null {
  const label = describeReference(reference);
  if (mediaDir === null) {
    return `${label} reads a file on the server, which requests over the network may not do because this server has no media folder (MEDIA_DIR); use a "network" source or ask the operator to set MEDIA_DIR`;
  }

  const value = reference.value;
  if (reference.kind !== 'file' && (path.isAbsolute(value) || value.startsWith('\\') || value.includes(':'))) {
    return `${label} must be a path relative to the server's media folder such as "images/card.png" (no absolute path, no URL scheme), got ${JSON.stringify(value)}`;
  }
  const resolved = path.resolve(mediaDir, value);
  const relative = path.relative(path.resolve(mediaDir), resolved);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return `${label} must name a file inside the server's media folder (MEDIA_DIR), got ${JSON.stringify(value)}`;
  }
  return null;
}

/** One rejected reference, in the shape of the spec validator's diagnostics. */
export interface MediaDiagnostic {
  path: string;
  severity: 'error';
  code: 'media_not_allowed';
  message: string;
}

/**
 * Returns a diagnostic for every local file reference of `spec` that the media rule rejects.
 * @param field JSON path prefix of the spec in the request, such as `edit.base`, or `''` for none.
 */
export function mediaDiagnostics(spec: unknown, mediaDir: string | null, field: string): MediaDiagnostic[] {
  return findLocalMediaReferences(spec).flatMap((reference) => {
    const problem = mediaReferenceProblem(reference, mediaDir);
    return problem === null ? [] : [{ path: joinPath(field, reference.path), severity: 'error' as const, code: 'media_not_allowed' as const, message: problem }];
  });
}

/**
 * Checks every local file reference of `spec` against the media rule.
 * @throws FluvieError `invalid_request` naming every rejected reference with its JSON path; its
 *   `diagnostics` detail lists them.
 */
export function assertMediaAllowed(spec: unknown, mediaDir: string | null, field: string): void {
  const problems = mediaDiagnostics(spec, mediaDir, field);
  if (problems.length === 0) return;

  const lines = problems.map((problem) => `${problem.path}: ${problem.message}`);
  throw new FluvieError('invalid_request', `${field === '' ? 'The spec' : field} reads media files this server does not allow (${problems.length}): ${lines.join('; ')}`, {
    details: { diagnostics: problems },
  });
}

function describeReference(reference: LocalMediaReference): string {
  switch (reference.kind) {
    case 'background':
      return 'an image or video background path';
    case 'effect':
      return 'an effect asset path';
    default:
      return `a "${reference.kind}" media source`;
  }
}

function joinPath(field: string, jsonPath: string): string {
  if (field === '') return jsonPath;
  return jsonPath.startsWith('[') ? `${field}${jsonPath}` : `${field}.${jsonPath}`;
}
