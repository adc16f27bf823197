/** The client IP used for rate limits: the first `x-forwarded-for` hop only behind a trusted proxy. */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const first = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (first !== undefined && first !== '') return first;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-memory requests (app.request in tests) have no socket.
    return 'unknown';
  }
}
