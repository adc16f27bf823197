/** Spec tools for tests: the project's real validator, or a minimal one for mechanics tests. */
import type { SpecTools } from '../../../src/server/spec-tools.js';

/** Accepts any object with a non-empty `scenes` array; for tests about queue mechanics only. */
export const minimalSpecTools: SpecTools = {
  validate: (value) => {
    const ok = typeof value === 'object' && value !== null && Array.isArray((value as { scenes?: unknown }).scenes);
    return { ok, diagnostics: ok ? [] : [{ path: 'scenes', severity: 'error', code: 'required', message: 'scenes is required' }] };
  },
  jsonSchema: () => ({ type: 'object' }),
};

export async function realSpecTools(): Promise<SpecTools> {
  const { createDefaultSpecTools } = await import('../../../src/server/spec-tools-default.js');
  return createDefaultSpecTools();
}
