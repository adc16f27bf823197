/** Builds the OpenAPI 3.1 document of the render API from the zod wire schemas. */
import { z } from 'zod';
import { buildSurfacePaths, type OpenApiSurfaces } from './surface-paths.js';
import {
  cleanupReportSchema, cleanupRequestSchema, docsListSchema, docsPageSchema, docsSearchSchema, errorSchema, flatErrorSchema, healthSchema, jobSchema,
  renderRequestSchema, validateRequestSchema, validateResponseSchema,
} from './wire-schemas.js';

type JsonObject = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonObject {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonObject;
  delete json['$schema'];
  return json;
}

const json = (ref: string): JsonObject => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
const errorResponse = (description: string): JsonObject => ({ description, content: json('Error') });

/** Builds the document; `surfaces` names the optional parts the server mounts, which get paths too. */
export function buildOpenApiDocument(version: string, surfaces: OpenApiSurfaces): JsonObject {
  const bearer = [{ apiToken: [] }];
  return {
    openapi: '3.1.0',
    info: { title: 'fluvie-render API', version, description: 'Renders VideoSpec documents to video; wire-compatible with the Dart fluvie_server.' },
    components: {
      securitySchemes: {
        apiToken: { type: 'http', scheme: 'bearer', description: 'API_TOKEN' },
        cleanupToken: { type: 'http', scheme: 'bearer', description: 'CLEANUP_TOKEN' },
        mcpToken: { type: 'http', scheme: 'bearer', description: 'FLUVIE_MCP_TOKEN, when set' },
        metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN, when set' },
      },
      schemas: {
        RenderRequest: schemaOf(renderRequestSchema, 'input'),
        Job: schemaOf(jobSchema),
        Error: schemaOf(errorSchema),
        ValidateRequest: schemaOf(validateRequestSchema, 'input'),
        ValidateResponse: schemaOf(validateResponseSchema),
        CleanupRequest: schemaOf(cleanupRequestSchema, 'input'),
        CleanupReport: schemaOf(cleanupReportSchema),
        Health: schemaOf(healthSchema),
        FlatError: schemaOf(flatErrorSchema),
        DocsList: schemaOf(docsListSchema),
        DocsSearch: schemaOf(docsSearchSchema),
        DocsPage: schemaOf(docsPageSchema),
      },
    },
    paths: {
      '/v1/renders': {
        post: {
          summary: 'Queue a render',
          security: bearer,
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } }],
          requestBody: { required: true, content: json('RenderRequest') },
          responses: {
            '202': { description: 'queued; Location names the job', content: json('Job') },
            '200': { description: 'the job created earlier with the same Idempotency-Key and body', content: json('Job') },
            '400': errorResponse('invalid request'),
            '401': errorResponse('missing or wrong bearer token'),
            '409': errorResponse('Idempotency-Key reused with another body'),
            '413': errorResponse('body larger than MAX_BODY_BYTES'),
            '429': errorResponse('AI render limit reached; see Retry-After'),
            '503': errorResponse('AI, code or composition renders not available'),
          },
        },
      },
      '/v1/renders/{id}': {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          summary: 'Get a job', security: bearer,
          responses: { '200': { description: 'the job', content: json('Job') }, '401': errorResponse('unauthorized'), '404': errorResponse('no such job'), '410': errorResponse('files expired') },
        },
        delete: {
          summary: 'Cancel a queued or running job', security: bearer,
          responses: { '200': { description: 'the canceled job', content: json('Job') }, '404': errorResponse('no such job'), '409': errorResponse('job already finished') },
        },
      },
      '/v1/renders/{id}/events': {
        get: {
          summary: 'Follow a job as server-sent events',
          description:
            'Events: status {status} while queued or running, progress {completed, total}, authored {code, spec} for AI renders, then one of ' +
            'succeeded, failed or canceled with the job JSON, after which the stream ends. A job that already ended gets its terminal event at once. ' +
            'Comment lines keep idle connections open; at shutdown the stream ends with an error event. Each event carries an id; ' +
            'a client that reconnects with it in Last-Event-ID gets only what changed since, or 204 once it has seen the terminal event.',
          security: bearer,
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' }, description: 'id of the last event the client received' },
          ],
          responses: {
            '200': { description: 'event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
            '204': { description: 'the client has already seen the terminal event; EventSource stops reconnecting' },
            '401': errorResponse('unauthorized'), '404': errorResponse('no such job'), '410': errorResponse('files expired'),
          },
        },
      },
      '/v1/files/{id}/{kind}': {
        get: {
          summary: 'Download a video or poster (Range supported)',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'kind', in: 'path', required: true, schema: { type: 'string', enum: ['video', 'poster'] } },
            { name: 'token', in: 'query', required: false, schema: { type: 'string' }, description: 'signed token of a private file' },
          ],
          responses: {
            '200': { description: 'file bytes' }, '206': { description: 'requested byte range' }, '401': errorResponse('private file without a valid token'),
            '404': errorResponse('no such job or file'), '410': errorResponse('file expired'), '416': { description: 'range not satisfiable' },
          },
        },
      },
      '/v1/validate': {
        post: { summary: 'Validate a VideoSpec', security: bearer, requestBody: { required: true, content: json('ValidateRequest') }, responses: { '200': { description: 'report', content: json('ValidateResponse') } } },
      },
      '/v1/schema/video-spec': { get: { summary: 'VideoSpec JSON schema', responses: { '200': { description: 'JSON schema' } } } },
      '/v1/maintenance/cleanup': {
        post: {
          summary: 'Run the retention sweep', security: [{ cleanupToken: [] }], requestBody: { required: false, content: json('CleanupRequest') },
          responses: { '200': { description: 'report', content: json('CleanupReport') }, '401': errorResponse('missing or wrong cleanup token') },
        },
      },
      '/v1/healthz': { get: { summary: 'Liveness', responses: { '200': { description: 'alive', content: json('Health') } } } },
      '/v1/readyz': { get: { summary: 'Readiness (storage and ffmpeg)', responses: { '200': { description: 'ready', content: json('Health') }, '503': { description: 'degraded', content: json('Health') } } } },
      '/v1/openapi.json': { get: { summary: 'This OpenAPI document', responses: { '200': { description: 'OpenAPI 3.1 document' } } } },
      ...buildSurfacePaths(surfaces, json),
    },
  };
}
