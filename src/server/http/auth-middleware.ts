/** Middleware that requires `Authorization: Bearer <token>` and responds with 401 otherwise. */
import type { MiddlewareHandler } from 'hono';
import { FluvieError } from '../../core/errors.js';
import { createBearerCheck } from '../auth/bearer.js';

/** @param variable name of the env var that contains the token, for the error message */
export function requireBearer(token: string | null, variable: string): MiddlewareHandler {
  const isAuthorized = createBearerCheck(token);
  return async function requireBearer(c, next) {
    if (!isAuthorized(c.req.header('authorization'))) {
      throw new FluvieError('unauthorized', `Unauthorized: send the header "Authorization: Bearer <${variable}>".`);
    }
    await next();
  };
}
