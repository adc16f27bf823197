/** The zod wire schemas (and so the OpenAPI document) match what the server really sends and accepts. */
import { afterEach, describe, expect, it } from 'vitest';
import { parseRenderBody } from '../../../src/server/requests/render-body.js';
import {
  cleanupReportSchema, errorSchema, healthSchema, jobSchema, renderRequestSchema, validateResponseSchema,
} from '../../../src/server/openapi/wire-schemas.js';
import { createFakeRender } from '../support/fake-render.js';
import { minimalSpecTools } from '../support/spec-tools.js';
import { CLEANUP_TOKEN, jsonBody, startTestServer, TINY_SPEC, type TestServer } from '../support/test-server.js';

let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

describe('wire schemas', () => {
  it('describe the real responses', async () => {
    server = await startTestServer({ render: createFakeRender().render, specTools: minimalSpecTools });
    const created = await (await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC, options: { poster: '1f' } }))).json();
    expect(jobSchema.strict().parse(created)).toBeTruthy();
    const finished = await server.waitForTerminal((created as { id: string }).id);
    expect(jobSchema.strict().parse(finished).video).toBeDefined();
    expect(errorSchema.parse(await (await server.api('/v1/renders/rnd_none')).json())).toBeTruthy();
    expect(validateResponseSchema.parse(await (await server.api('/v1/validate', jsonBody(TINY_SPEC))).json())).toBeTruthy();
    const report = await (await server.fetch('/v1/maintenance/cleanup', { method: 'POST', headers: { authorization: `Bearer ${CLEANUP_TOKEN}` } })).json();
    expect(cleanupReportSchema.strict().parse(report)).toBeTruthy();
    expect(healthSchema.parse(await (await server.fetch('/v1/readyz')).json())).toBeTruthy();
  });

  it.each([
    [{ spec: TINY_SPEC, options: { format: 'gif', aspect: 'square', quality: 'max', poster: '1s' }, visibility: 'public', ttl: '48h' }],
    [{ key: 'intro_card', webhook: { url: 'https://hooks.example/render', secret: 's' } }],
    [{ prompt: 'A title card', provider: 'gemini' }],
  ])('accept what the request parser accepts: %j', (body) => {
    expect(() => parseRenderBody(body)).not.toThrow();
    expect(renderRequestSchema.safeParse(body).success).toBe(true);
  });

  it('serves the OpenAPI document', async () => {
    server = await startTestServer({ render: createFakeRender().render, specTools: minimalSpecTools });
    const document = (await (await server.fetch('/v1/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/v1/renders', '/v1/renders/{id}', '/v1/renders/{id}/events', '/v1/files/{id}/{kind}', '/v1/maintenance/cleanup', '/v1/validate']));
    expect(Object.keys(document.components.schemas['Job']?.properties ?? {})).toEqual(['id', 'status', 'progress', 'error', 'video', 'poster', 'code', 'spec', 'createdAt', 'expiresAt']);
  });
});
