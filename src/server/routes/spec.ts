/**
 * `POST /v1/validate` (a VideoSpec validation report), `GET /v1/schema/video-spec` (its JSON schema)
 * and `GET /v1/openapi.json` (the API description).
 * The validate body is either `{"spec": <VideoSpec>, "format"?: "mp4"|"gif"|"transparent"}` or the
 * VideoSpec itself.
 */
import { readFile } from 'node:fs/promises';
import type { Hono } from 'hono';
import { FluvieError } from '../../core/errors.js';
import type { AppEnv } from '../app-deps.js';
import { readJsonObject } from '../http/read-json.js';
import type { HttpOutputFormat } from '../jobs/job-record.js';
import { HTTP_FORMATS } from '../requests/render-body.js';
import { resolveMcpSetup } from '../mcp/mcp-setup.js';
import { buildOpenApiDocument } from '../openapi/openapi-document.js';
import type { RouteContext } from './route-context.js';

export function registerSpecRoutes(app: Hono<AppEnv>, context: RouteContext): void {
  app.post('/v1/validate', context.requireApiToken, context.bodyLimit, async (c) => {
    const { body } = await readJsonObject(c);
    const wrapped = Object.hasOwn(body, 'spec');
    const spec = wrapped ? body['spec'] : body;
    const format = wrapped ? readFormat(body['format']) : 'mp4';

    const report = context.specTools.validate(spec, format);
    return c.json({ ok: report.ok, diagnostics: report.diagnostics });
  });

  const mcpSetup = resolveMcpSetup(context.config);
  const openApi = buildOpenApiDocument(SERVER_VERSION, { docs: mcpSetup.docs, mcp: mcpSetup.enabled, metrics: context.metrics !== undefined });
  app.get('/v1/openapi.json', (c) => c.json(openApi));

  let schemaText: Promise<string> | null = null;
  app.get('/v1/schema/video-spec', async (c) => {
    schemaText ??= loadSchema(context).catch((error: unknown) => {
      schemaText = null;
      throw error;
    });
    return c.body(await schemaText, 200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=3600' });
  });
}

/** API version in the OpenAPI document; kept in step with package.json. */
const SERVER_VERSION = '0.1.0';

function readFormat(value: unknown): HttpOutputFormat {
  if (value === undefined || value === null) return 'mp4';
  const match = HTTP_FORMATS.find((format) => format === value);
  if (match === undefined) throw new FluvieError('invalid_request', `format must be one of ${HTTP_FORMATS.join(', ')}.`);
  return match;
}

async function loadSchema(context: RouteContext): Promise<string> {
  const path = context.config.videoSpecSchemaPath;
  if (path === null) return JSON.stringify(context.specTools.jsonSchema());
  try {
    return JSON.stringify(JSON.parse(await readFile(path, 'utf8')));
  } catch (error: unknown) {
    throw new FluvieError('internal', `Cannot read the VideoSpec schema at VIDEO_SPEC_SCHEMA_PATH=${path}`, { cause: error });
  }
}
