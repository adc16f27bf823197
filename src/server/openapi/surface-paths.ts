/**
 * OpenAPI paths of the parts of the server outside the render API: the docs helper, `/mcp`,
 * `/metrics` and the plain-text health checks. Each appears only when the server mounts it.
 */
type JsonObject = Record<string, unknown>;

/** Flags of the optional server parts that are mounted. */
export interface OpenApiSurfaces {
  /** The docs routes under `/v1/docs` (FLUVIE_ENABLE_DOCS). */
  docs: boolean;
  /** `POST /mcp` (FLUVIE_ENABLE_MCP). */
  mcp: boolean;
  /** `GET /metrics`. */
  metrics: boolean;
}

/** Returns a `$ref` content map for a schema in `components.schemas`. */
export type JsonContent = (ref: string) => JsonObject;

/**
 * Returns the path items of the mounted parts. The docs routes and `/mcp` send errors in the flat
 * `FlatError` shape, and `/metrics` sends the render API's `Error`.
 */
export function buildSurfacePaths(surfaces: OpenApiSurfaces, json: JsonContent): JsonObject {
  const flatError = (description: string): JsonObject => ({ description, content: json('FlatError') });
  const text = (description: string): JsonObject => ({ description, content: { 'text/plain': { schema: { type: 'string' } } } });
  const paths: JsonObject = {
    '/healthz': { get: { summary: 'Liveness as text', responses: { '200': text('the text ok') } } },
    '/readyz': { get: { summary: 'Readiness as text (storage and ffmpeg)', responses: { '200': text('the text ready'), '503': text('the text degraded') } } },
  };

  if (surfaces.docs) {
    paths['/v1/docs'] = { get: { summary: 'List the documentation pages', responses: { '200': { description: 'pages', content: json('DocsList') } } } };
    paths['/v1/docs/search'] = {
      get: {
        summary: 'Search the documentation (BM25)',
        parameters: [
          { name: 'q', in: 'query', required: true, schema: { type: 'string', minLength: 1 } },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1 }, description: 'maximum number of results' },
        ],
        responses: { '200': { description: 'results', content: json('DocsSearch') }, '400': flatError('q is missing') },
      },
    };
    paths['/v1/docs/get'] = {
      get: {
        summary: 'Get one documentation page',
        parameters: [{ name: 'path', in: 'query', required: true, schema: { type: 'string', minLength: 1 } }],
        responses: { '200': { description: 'the page', content: json('DocsPage') }, '400': flatError('path is missing'), '404': flatError('no page at that path') },
      },
    };
  }

  if (surfaces.mcp) {
    paths['/mcp'] = {
      post: {
        summary: 'Model Context Protocol over Streamable HTTP (JSON-RPC 2.0)',
        description: 'Stateless: each POST is answered on its own. Needs Authorization: Bearer <FLUVIE_MCP_TOKEN> when that variable is set.',
        security: [{ mcpToken: [] }, {}],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', description: 'a JSON-RPC 2.0 request or notification' } } } },
        responses: {
          '200': { description: 'JSON-RPC response, as JSON or as an event stream when the client accepts text/event-stream' },
          '202': { description: 'notification accepted' },
          '401': flatError('missing or wrong FLUVIE_MCP_TOKEN'),
          '413': flatError('body larger than 4 MiB'),
        },
      },
    };
  }

  if (surfaces.metrics) {
    paths['/metrics'] = {
      get: {
        summary: 'Prometheus metrics',
        description: 'Needs Authorization: Bearer <METRICS_TOKEN> when that variable is set.',
        security: [{ metricsToken: [] }, {}],
        responses: { '200': text('metrics in the Prometheus text format'), '401': { description: 'missing or wrong METRICS_TOKEN', content: json('Error') } },
      },
    };
  }
  return paths;
}
