/**
 * Types of the server configuration that `loadServerConfig` (server-config.ts) produces.
 */

/** Settings of the S3 storage backend, recorded from the `S3_*` variables. */
export interface S3Config {
  endpoint: string;
  region: string;
  bucket: string;
  accessKey: string;
  secretKey: string;
  useSsl: boolean;
  pathStyle: boolean;
  publicBase: string | null;
}

/** AI authoring settings: provider keys gate prompt and edit renders, the limits are per client IP. */
export interface AiConfig {
  provider: string;
  model: string | null;
  anthropicApiKey: string | null;
  geminiApiKey: string | null;
  mistralApiKey: string | null;
  /** Calls per window and IP; 0 disables the window check. */
  rateLimit: number;
  rateWindowMs: number;
  /** Calls per UTC day and IP; 0 disables the daily check. */
  dailyQuota: number;
}

/** Where jobs queue and their records live (QUEUE_BACKEND and the Redis variables). */
export interface QueueConfig {
  /** `memory`: in this process (records under LOCAL_STORAGE_DIR/.jobs); `redis`: shared through Redis. */
  queueBackend: 'memory' | 'redis';
  /** Set when `queueBackend` is `redis`. */
  redisUrl: string | null;
  /** Runs of one render job, counting runs lost with a stopped worker and runs handed back at shutdown. */
  attempts: number;
  /** Prefix of every Redis key and of the BullMQ queue. */
  prefix: string;
  /** Time a worker's job lock lasts without renewal, in milliseconds. */
  lockDurationMs: number;
  /** Time between a worker's checks for jobs of stopped workers, in milliseconds. */
  stalledIntervalMs: number;
  /**
   * Frames per chunk of a chunked native mp4 render on workers (CHUNK_FRAMES); 0 renders every job
   * whole, and null (unset) chunks at about 10 s of video at the video's frame rate.
   */
  chunkFrames: number | null;
}

export interface ServerConfig {
  host: string;
  port: number;
  /** Base URL that download links are resolved against, or null for `http://localhost:<port>/`. */
  publicBaseUrl: string | null;
  enableApi: boolean;
  enableMcp: boolean;
  enableDocs: boolean;
  mcpMode: 'docs' | 'build';
  mcpToken: string | null;
  /** Markdown corpus of the docs helper, or null for the docs shipped with the package. */
  docsDir: string | null;
  remoteApiUrl: string | null;
  remoteApiToken: string | null;
  /** Bearer token for renders and jobs; null only when the API is disabled. */
  apiToken: string | null;
  /** Bearer token for the cleanup route; null only when the API is disabled. */
  cleanupToken: string | null;
  /** HMAC key for download tokens, or null to derive one from the API token. */
  downloadSigningKey: string | null;
  storageBackend: 'local' | 's3';
  /** Local files and, for every backend, the job records under `.jobs/`. */
  localStorageDir: string;
  s3: S3Config | null;
  publicByDefault: boolean;
  fileTtlMs: number;
  downloadUrlTtlMs: number;
  /** Period of the retention sweep; 0 disables the timer. */
  cleanupIntervalMs: number;
  /**
   * How long the record of a swept succeeded job is kept so its id returns 410 rather than 404, in
   * milliseconds; 0 deletes it at the next sweep.
   */
  tombstoneTtlMs: number;
  renderConcurrency: number;
  renderTimeoutMs: number;
  /**
   * Niceness added to the render child processes of `serve` (0 to 19), so the API is scheduled
   * before renders; 0 keeps their priority.
   */
  renderNiceness: number;
  renderProject: string | null;
  ffmpegPath: string | null;
  /** Allowed CORS origins; empty disables CORS, `*` allows any origin. */
  corsAllowOrigins: string[];
  ai: AiConfig;
  videoSpecSchemaPath: string | null;
  maxBodyBytes: number;
  /** Honour `x-forwarded-for` for the client IP. */
  trustProxy: boolean;
  webhookUrl: string | null;
  /** HMAC secret for webhooks whose request names none, or null to send those unsigned. */
  webhookSecret: string | null;
  webhookAllowPrivate: boolean;
  /** Download `network` media sources of specs (public http(s) addresses only). */
  allowNetworkMedia: boolean;
  /**
   * Absolute folder that `asset`, `file` and `bundle` media sources of request specs must lie inside
   * (MEDIA_DIR), or null to reject those sources in requests.
   */
  mediaDir: string | null;
  /** Bearer token for `/metrics`, or null for open metrics. */
  metricsToken: string | null;
  /** How long shutdown waits for running renders before canceling them. */
  shutdownGraceMs: number;
  queue: QueueConfig;
}

/** One invalid environment variable. */
export interface ConfigProblem {
  variable: string;
  message: string;
}
