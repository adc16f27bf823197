/**
 * Mapping between {@link ObjectMetadata} and S3 object metadata. Each object carries the standard
 * `Content-Type` header plus the user metadata `contenttype`, `visibility` and `expiresatms`
 * (sent as `x-amz-meta-*` headers, lowercase because S3 lowercases user metadata names), the same
 * names the Dart fluvie_server writes, so both servers can share a bucket.
 */
import type { ObjectMetadata, Visibility } from './storage.js';

const FALLBACK_CONTENT_TYPE = 'application/octet-stream';

/** Returns the user metadata written with an object. */
export function toS3Metadata(metadata: ObjectMetadata): Record<string, string> {
  const fields: Record<string, string> = { contenttype: metadata.contentType, visibility: metadata.visibility };
  if (metadata.expiresAtMs !== null) fields['expiresatms'] = String(Math.trunc(metadata.expiresAtMs));
  return fields;
}

/**
 * Reads an object's metadata from its `Content-Type` header and user metadata. Objects written by
 * other tools read as private, never expiring, with the header's content type.
 */
export function fromS3Metadata(contentTypeHeader: string | undefined, userMetadata: Readonly<Record<string, string>> | undefined): ObjectMetadata {
  const fields = userMetadata ?? {};
  const visibility: Visibility = fields['visibility'] === 'public' ? 'public' : 'private';
  const expiresText = fields['expiresatms'];
  const expiresAtMs = expiresText !== undefined && /^\d+$/.test(expiresText) ? Number(expiresText) : null;
  const contentType = nonEmpty(contentTypeHeader) ?? nonEmpty(fields['contenttype']) ?? FALLBACK_CONTENT_TYPE;
  return { contentType, visibility, expiresAtMs };
}

export interface ContentRange {
  start: number;
  end: number;
  /** Size of the whole object in bytes. */
  size: number;
}

/** Parses a `Content-Range: bytes <start>-<end>/<size>` response header; null when missing or the size is `*`. */
export function parseContentRange(header: string | undefined): ContentRange | null {
  const match = header === undefined ? null : /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header.trim());
  if (match === null) return null;
  return { start: Number(match[1]), end: Number(match[2]), size: Number(match[3]) };
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value;
}
