/**
 * CORS as the Dart server does it: `CORS_ALLOW_ORIGINS` lists origins (`*` allows any); a listed
 * request `Origin` is echoed back; every response, error responses included, carries the allowed
 * methods and headers; and any `OPTIONS` request gets 200 with an empty body. With no origins
 * configured nothing is added and `OPTIONS` is routed like any other method.
 */
import type { MiddlewareHandler } from 'hono';

const ALLOW_METHODS = 'GET, POST, DELETE, OPTIONS';
const ALLOW_HEADERS = 'authorization, content-type, idempotency-key';

export function cors(allowOrigins: readonly string[]): MiddlewareHandler {
  const any = allowOrigins.includes('*');
  const listed = new Set(allowOrigins);

  return async function cors(c, next) {
    if (allowOrigins.length === 0) return next();

    const origin = c.req.header('origin');
    const headers: Record<string, string> = {
      'access-control-allow-methods': ALLOW_METHODS,
      'access-control-allow-headers': ALLOW_HEADERS,
    };
    if (any) headers['access-control-allow-origin'] = '*';
    else if (origin !== undefined && listed.has(origin)) {
      headers['access-control-allow-origin'] = origin;
      headers['vary'] = 'Origin';
    }

    if (c.req.method === 'OPTIONS') return c.body(null, 200, headers);
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}
