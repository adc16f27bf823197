/** Job ids: `rnd_` and 24 random base64url characters (144 bits), unguessable and URL-safe. */
import { randomBytes } from 'node:crypto';

export const JOB_ID_PATTERN = /^rnd_[A-Za-z0-9_-]{1,64}$/;

export function newJobId(): string {
  return `rnd_${randomBytes(18).toString('base64url')}`;
}

export function isJobId(value: string): boolean {
  return JOB_ID_PATTERN.test(value);
}
