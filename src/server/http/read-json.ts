/** Reads a request body as a JSON object with the render API's messages. */
import type { Context } from 'hono';
import { parseJsonBody } from '../requests/render-body.js';

export async function readJsonObject(c: Context): Promise<{ text: string; body: Record<string, unknown> }> {
  const text = await c.req.text();
  return { text, body: parseJsonBody(text) };
}
