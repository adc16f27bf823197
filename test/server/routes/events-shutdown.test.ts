/** Shutting `serve` down while render event streams are open. */
import { describe, expect, it } from 'vitest';
import { createFakeRender } from '../support/fake-render.js';
import { minimalSpecTools } from '../support/spec-tools.js';
import { jsonBody, startTestServer, TINY_SPEC } from '../support/test-server.js';

describe('render events at shutdown', () => {
  it('end so the server can close', async () => {
    const fake = createFakeRender({ holdUntilReleased: true });
    const server = await startTestServer({ render: fake.render, specTools: minimalSpecTools });
    const ids: string[] = [];
    for (let index = 0; index < 2; index++) {
      const response = await server.api('/v1/renders', jsonBody({ spec: TINY_SPEC }));
      ids.push(((await response.json()) as { id: string }).id);
    }
    await fake.started(1);

    const streams = await Promise.all(ids.map((id) => server.api(`/v1/renders/${id}/events`)));
    const bodies = streams.map((response) => response.text());
    await server.close();

    const texts = await Promise.all(bodies);
    expect(texts[0]).toContain('event: failed');
    expect(texts[1]).toContain('event: status');
    expect(texts[1]).not.toContain('event: failed');
  });
});
