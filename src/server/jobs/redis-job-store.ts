/**
 * {@link JobStore} in Redis, shared by every API replica and worker. Each record is a JSON string at
 * `<prefix>job:<id>`, the set `<prefix>jobs` lists the ids, and `<prefix>idem:<key>` maps an
 * `Idempotency-Key` to its job id. Updates are compare-and-set on the whole record, retried on a
 * conflict, and updates of one id in this process run one at a time so they rarely conflict.
 */
import type { Redis } from 'ioredis';
import { FluvieError } from '../../core/errors.js';
import { KeyedMutex } from '../http/keyed-mutex.js';
import type { JobRecord } from './job-record.js';
import type { JobMutation, JobStore } from './job-store.js';

/** Creates the record and its idempotency entry, or returns 0 (id taken) or -1 (key taken). */
const CREATE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
if KEYS[3] ~= '' then
  if redis.call('SET', KEYS[3], ARGV[2], 'NX') == false then return -1 end
end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SADD', KEYS[2], ARGV[2])
return 1`;

/**
 * Replaces the record only when it still equals ARGV[1]; returns 1 when replaced. When KEYS[2] is
 * set, the update released that idempotency entry, which is deleted if it still names the job ARGV[3].
 */
const COMPARE_AND_SET_SCRIPT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
if KEYS[2] ~= '' and redis.call('GET', KEYS[2]) == ARGV[3] then redis.call('DEL', KEYS[2]) end
return 1`;

/** Deletes the record, its id in the set and its idempotency entry when that points at the id. */
const DELETE_SCRIPT = `
local value = redis.call('GET', KEYS[1])
if value == false then return 0 end
local record = cjson.decode(value)
if type(record.idempotencyKey) == 'string' then
  local idemKey = ARGV[2] .. record.idempotencyKey
  if redis.call('GET', idemKey) == ARGV[1] then redis.call('DEL', idemKey) end
end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
return 1`;

/** Compare-and-set attempts of one update before it gives up (only reached under heavy contention). */
const MAX_UPDATE_ATTEMPTS = 100;
/** Records fetched per MGET when listing. */
const LIST_BATCH = 200;

export interface RedisJobStoreOptions {
  client: Redis;
  /** Prefix of every key, such as `fluvie:`. */
  prefix: string;
}

export class RedisJobStore implements JobStore {
  readonly #client: Redis;
  readonly #prefix: string;
  readonly #updates = new KeyedMutex();

  constructor(options: RedisJobStoreOptions) {
    this.#client = options.client;
    this.#prefix = options.prefix;
  }

  async create(job: JobRecord): Promise<void> {
    const idemKey = job.idempotencyKey === null ? '' : this.#idemKey(job.idempotencyKey);
    const outcome = await this.#client.eval(CREATE_SCRIPT, 3, this.#jobKey(job.id), this.#setKey(), idemKey, JSON.stringify(job), job.id);
    if (outcome === 0) throw new FluvieError('internal', `Job ${job.id} already exists.`);
    if (outcome === -1) {
      throw new FluvieError('conflict', `Idempotency-Key "${job.idempotencyKey}" is already used by another job; repeat the request to get that job, or use a new key.`);
    }
  }

  async get(id: string): Promise<JobRecord | null> {
    const value = await this.#client.get(this.#jobKey(id));
    return value === null ? null : parseRecord(value);
  }

  update(id: string, mutate: JobMutation): Promise<JobRecord | null> {
    return this.#updates.run(id, async () => {
      const key = this.#jobKey(id);
      for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt += 1) {
        const stored = await this.#client.get(key);
        if (stored === null) return null;
        const current = parseRecord(stored);
        const next = mutate(current);
        if (next === null) return parseRecord(stored);
        const released = current.idempotencyKey !== null && next.idempotencyKey !== current.idempotencyKey ? this.#idemKey(current.idempotencyKey) : '';
        const written = await this.#client.eval(COMPARE_AND_SET_SCRIPT, 2, key, released, stored, JSON.stringify(next), id);
        if (written === 1) return structuredClone(next);
      }
      throw new FluvieError('unavailable', `Job ${id} changed ${MAX_UPDATE_ATTEMPTS} times while this update was applied; retry the request.`);
    });
  }

  async delete(id: string): Promise<boolean> {
    const removed = await this.#client.eval(DELETE_SCRIPT, 2, this.#jobKey(id), this.#setKey(), id, this.#idemKey(''));
    return removed === 1;
  }

  async list(): Promise<JobRecord[]> {
    const ids = await this.#client.smembers(this.#setKey());
    const jobs: JobRecord[] = [];
    for (let start = 0; start < ids.length; start += LIST_BATCH) {
      const keys = ids.slice(start, start + LIST_BATCH).map((id) => this.#jobKey(id));
      const values = await this.#client.mget(...keys);
      for (const value of values) if (value !== null) jobs.push(parseRecord(value));
    }
    return jobs;
  }

  async findByIdempotencyKey(key: string): Promise<JobRecord | null> {
    const id = await this.#client.get(this.#idemKey(key));
    const job = id === null ? null : await this.get(id);
    return job?.idempotencyKey === key ? job : null;
  }

  #jobKey(id: string): string {
    return `${this.#prefix}job:${id}`;
  }

  #setKey(): string {
    return `${this.#prefix}jobs`;
  }

  #idemKey(key: string): string {
    return `${this.#prefix}idem:${key}`;
  }
}

function parseRecord(value: string): JobRecord {
  return JSON.parse(value) as JobRecord;
}
