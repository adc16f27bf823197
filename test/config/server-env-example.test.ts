import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverEnvVariableNames } from '../../src/config/server-config.js';

const EXAMPLE = path.resolve(import.meta.dirname, '../../templates/server.env.example');

async function documentedNames(): Promise<string[]> {
  const text = await readFile(EXAMPLE, 'utf8');
  return text
    .split('\n')
    .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

describe('templates/server.env.example', () => {
  it('documents every variable the server reads', async () => {
    const documented = new Set(await documentedNames());
    expect(serverEnvVariableNames().filter((name) => !documented.has(name))).toEqual([]);
  });

  it('lists only variables the server reads', async () => {
    const read = new Set(serverEnvVariableNames());
    expect((await documentedNames()).filter((name) => !read.has(name))).toEqual([]);
  });

  it('has a comment above each variable', async () => {
    const lines = (await readFile(EXAMPLE, 'utf8')).split('\n');
    const undocumented = lines.filter((line, index) => /^[A-Z][A-Z0-9_]*=/.test(line) && !lines.slice(0, index).reverse().find((previous) => !/^[A-Z][A-Z0-9_]*=/.test(previous))?.startsWith('#'));
    expect(undocumented).toEqual([]);
  });
});
