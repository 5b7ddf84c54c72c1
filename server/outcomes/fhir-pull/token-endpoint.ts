import { z } from 'zod';
import type { BackendServices } from '../../../core/tenant';
import { AppError } from '../../http/app-error';
import type { EhrHttp } from './http';

const smartConfigurationSchema = z.looseObject({
  token_endpoint: z.url({ protocol: /^https?$/ }),
  grant_types_supported: z.array(z.string()).optional(),
  token_endpoint_auth_methods_supported: z.array(z.string()).optional(),
  token_endpoint_auth_signing_alg_values_supported: z.array(z.string()).optional(),
});

function discoveryFailed(why: string): AppError {
  return new AppError(
    'BACKEND_DISCOVERY_FAILED',
    502,
    `The EHR cannot be used for Backend Services: ${why}`,
  );
}

/**
 * The token URL from `{iss}/.well-known/smart-configuration` (SMART App Launch 2.2 §2.0.4),
 * after checking the EHR can take our assertion: `private_key_jwt` listed, `client_credentials`
 * and our algorithm too when it lists grants or algorithms at all.
 */
export async function discoverTokenUrl(
  iss: string,
  algorithm: BackendServices['algorithm'],
  http: EhrHttp,
): Promise<string> {
  let body: unknown;
  try {
    const response = await http.fetch(`${iss}/.well-known/smart-configuration`, {
      headers: { accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(http.timeoutMs),
    });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    body = await response.json();
  } catch {
    throw discoveryFailed('its SMART configuration could not be read');
  }
  const parsed = smartConfigurationSchema.safeParse(body);
  if (!parsed.success)
    throw discoveryFailed('its SMART configuration has no usable token_endpoint');
  const config = parsed.data;
  if (
    config.grant_types_supported &&
    !config.grant_types_supported.includes('client_credentials')
  ) {
    throw discoveryFailed('it does not offer the client_credentials grant');
  }
  if (!config.token_endpoint_auth_methods_supported?.includes('private_key_jwt')) {
    throw discoveryFailed(
      'it does not list private_key_jwt client authentication (if it accepts it, set tokenUrl in the registration)',
    );
  }
  const algorithms = config.token_endpoint_auth_signing_alg_values_supported;
  if (algorithms && algorithms.length > 0 && !algorithms.includes(algorithm)) {
    throw discoveryFailed(`it does not accept ${algorithm} client assertions`);
  }
  return config.token_endpoint;
}
