/**
 * A cheap pre-flight for callers that must answer before authoring starts, such as an HTTP route
 * that rejects a prompt render with 503 when the provider has no key.
 */
import { resolveAiConfig } from '../config/ai-config.js';
import { FluvieError } from '../core/errors.js';

/**
 * Returns null when `provider` (default FLUVIE_AI_PROVIDER, else claude) is configured, else the
 * error authoring would raise: `config_invalid` for a missing key or bad setting (`details.variable`
 * names the variable), `invalid_request` for an unknown provider name.
 */
export function checkAiProvider(env: Readonly<Record<string, string | undefined>>, provider?: string): FluvieError | null {
  try {
    resolveAiConfig(env, { provider });
    return null;
  } catch (error: unknown) {
    if (error instanceof FluvieError) return error;
    throw error;
  }
}
