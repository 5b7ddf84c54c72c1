import { SignJWT } from 'jose';
import { CDS_SERVICE_IDS } from '../../core/cds-hooks/service-ids';
import {
  CDS_CLIENT_JWKS_PATH,
  loadOrCreateCdsClientKey,
} from '../../launch/sandbox/cds/cds-client-key';
import { buildPersonas } from '../../launch/sandbox/personas';
import { personaPrefetch } from '../conformance/cds-hooks/cds-test-client';

/**
 * A patient-view call to the app as the sandbox EHR makes it: signed with the sandbox's own
 * CDS client key (from its DATA_DIR), `iss` the sandbox, `jku` its registered JWKS URL, and
 * everything prefetched, so a trusted call answers 200 and an untrusted one 401.
 */
export async function sandboxCdsCall(options: {
  appUrl: string;
  /** The app's PUBLIC_URL, when the call goes to one instance behind it (the JWT's `aud`). */
  publicUrl?: string;
  sandboxUrl: string;
  sandboxDataDir: string;
}): Promise<Response> {
  const key = await loadOrCreateCdsClientKey(options.sandboxDataDir);
  const path = `/cds-services/${CDS_SERVICE_IDS.patientView}`;
  const url = `${options.appUrl}${path}`;
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({})
    .setProtectedHeader({
      alg: 'ES384',
      kid: key.kid,
      typ: 'JWT',
      jku: `${options.sandboxUrl}${CDS_CLIENT_JWKS_PATH}`,
    })
    .setIssuer(options.sandboxUrl)
    .setAudience(`${options.publicUrl ?? options.appUrl}${path}`)
    .setIssuedAt(now)
    .setExpirationTime(now + 300)
    .setJti(crypto.randomUUID())
    .sign(key.privateKey);
  const persona = buildPersonas(new Date()).find((p) => p.topic === 'sepsis');
  if (!persona) throw new Error('no sepsis persona');
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      hook: 'patient-view',
      hookInstance: crypto.randomUUID(),
      fhirServer: `${options.sandboxUrl}/fhir`,
      context: {
        userId: 'Practitioner/test-clinician',
        patientId: persona.id,
        encounterId: persona.encounterId,
      },
      prefetch: personaPrefetch(persona),
    }),
  });
}
