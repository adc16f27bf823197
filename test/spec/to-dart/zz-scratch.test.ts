import { it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { validateSpec } from '../../../src/spec/index.js';
import { printVideoSpecDart } from '../../../src/spec/to-dart/index.js';
it('prints', () => {
  const dir = '/work/shared/reference/specs';
  for (const f of readdirSync(dir)) {
    const r = validateSpec(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')));
    try { console.log(`=== ${f}\n` + printVideoSpecDart(r.spec!)); } catch (e) { console.log(`=== ${f} FAIL ${(e as Error).message}`); }
  }
});
