/**
 * Settings of the S3 storage: validation of the `S3_*` values and their resolution into the complete
 * {@link S3StorageSettings} that the client and the storage use. Pure; the values come from the
 * server configuration.
 */
import type { ConfigProblem, S3Config } from '../../config/server-config.js';
import { FluvieError } from '../../core/errors.js';

/** 1 MiB in bytes. */
export const MIB = 1024 * 1024;

/** Files of this size or larger go up as multipart uploads unless the caller sets another threshold. */
export const DEFAULT_MULTIPART_THRESHOLD_BYTES = 32 * MIB;

/** Part size of multipart uploads unless the caller sets another, raised for very large files. */
export const DEFAULT_PART_SIZE_BYTES = 16 * MIB;

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface S3StorageSettings {
  /** `http://` or `https://` plus the host and optional port of `S3_ENDPOINT`. */
  endpointUrl: string;
  region: string;
  bucket: string;
  /** Static keys, or null to use the standard AWS credential sources (env, profile, container, instance). */
  credentials: S3Credentials | null;
  /** Path-style URLs (`host/bucket/key`) instead of virtual-hosted ones (`bucket.host/key`). */
  pathStyle: boolean;
  /** Base URL of public objects (a CDN or public bucket URL), or null to stream them. */
  publicBase: string | null;
  /** Files of this many bytes or more use a multipart upload. */
  multipartThresholdBytes: number;
  /** Preferred part size in bytes (at least 5 MiB; raised so a file fits in 10,000 parts). */
  partSizeBytes: number;
}

export interface S3UploadTuning {
  /** Default {@link DEFAULT_MULTIPART_THRESHOLD_BYTES}. */
  multipartThresholdBytes?: number;
  /** Default {@link DEFAULT_PART_SIZE_BYTES}. */
  partSizeBytes?: number;
}

/** `host`, `host:port`, or a bracketed IPv6 address with an optional port. */
const ENDPOINT_PATTERN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/;
/** S3 bucket naming rules: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit. */
const BUCKET_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const REGION_PATTERN = /^[A-Za-z0-9_-]+$/;

/**
 * Checks the S3 settings that the env grammar cannot, and returns one problem per bad variable. The
 * endpoint must be a host with an optional port, and the bucket must follow the S3 naming rules. The
 * two keys must be set together or not at all.
 */
export function validateS3Config(config: S3Config): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const endpointProblem = describeEndpointProblem(config.endpoint);
  if (endpointProblem !== null) problems.push({ variable: 'S3_ENDPOINT', message: endpointProblem });

  if (config.bucket !== '' && (!BUCKET_PATTERN.test(config.bucket) || config.bucket.includes('..'))) {
    problems.push({
      variable: 'S3_BUCKET',
      message: `must be an S3 bucket name (3 to 63 lowercase letters, digits, "." and "-", starting and ending with a letter or digit), got "${config.bucket}"`,
    });
  }
  if (!REGION_PATTERN.test(config.region)) {
    problems.push({ variable: 'S3_REGION', message: `must be a region name such as us-east-1 (letters, digits, "-" and "_"), got "${config.region}"` });
  }

  const hasAccessKey = config.accessKey !== '';
  const hasSecretKey = config.secretKey !== '';
  if (hasAccessKey && !hasSecretKey) problems.push({ variable: 'S3_SECRET_KEY', message: 'is required when S3_ACCESS_KEY is set; set both, or neither to use the standard AWS credential sources' });
  if (hasSecretKey && !hasAccessKey) problems.push({ variable: 'S3_ACCESS_KEY', message: 'is required when S3_SECRET_KEY is set; set both, or neither to use the standard AWS credential sources' });

  if (config.publicBase !== null && /[?#]/.test(config.publicBase)) {
    problems.push({ variable: 'S3_PUBLIC_BASE', message: `must be a base URL without query or fragment, because object keys are appended to it, got "${config.publicBase}"` });
  }
  return problems;
}

/** Returns why `endpoint` is not a valid `S3_ENDPOINT` value, or null when it is valid. */
export function describeEndpointProblem(endpoint: string): string | null {
  if (endpoint === '') return 'is required when STORAGE_BACKEND=s3 but not set';
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(endpoint)) {
    return `must be the host (and port) only, such as s3.eu-central-1.amazonaws.com or minio:9000; drop the scheme and set S3_USE_SSL instead, got "${endpoint}"`;
  }
  const match = ENDPOINT_PATTERN.exec(endpoint);
  if (match === null) return `must be a host name with an optional port, such as minio:9000, without a path, got "${endpoint}"`;

  const port = match[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65_535)) return `has the port ${port}, which is outside 1 to 65535`;
  return null;
}

/**
 * Validates the S3 settings and resolves them into the storage settings.
 * @throws FluvieError `config_invalid` listing every problem of {@link validateS3Config}.
 */
export function resolveS3Settings(config: S3Config, tuning: S3UploadTuning = {}): S3StorageSettings {
  const problems = validateS3Config(config);
  if (problems.length > 0) {
    const lines = problems.map((problem) => `  ${problem.variable}: ${problem.message}`).join('\n');
    throw new FluvieError('config_invalid', `Invalid S3 storage settings:\n${lines}`, { details: problems });
  }

  const credentials = config.accessKey === '' ? null : { accessKeyId: config.accessKey, secretAccessKey: config.secretKey };
  return {
    endpointUrl: `${config.useSsl ? 'https' : 'http'}://${config.endpoint}`,
    region: config.region,
    bucket: config.bucket,
    credentials,
    pathStyle: config.pathStyle,
    publicBase: config.publicBase,
    multipartThresholdBytes: tuning.multipartThresholdBytes ?? DEFAULT_MULTIPART_THRESHOLD_BYTES,
    partSizeBytes: tuning.partSizeBytes ?? DEFAULT_PART_SIZE_BYTES,
  };
}
