import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadAppKeys, type AppKeys } from './app-keys';
import { signSessionToken, verifySessionToken } from './session-token';

const PUBLIC_URL = 'https://chartside.example';
const TYP = 'chartside-session+jwt';
let keys: AppKeys;
let other: AppKeys;

async function appKeys(): Promise<AppKeys> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: crypto.randomUUID() };
  return loadAppKeys({ dataDir: '/nonexistent', privateJwk: JSON.stringify(jwk) });
}

beforeAll(async () => {
  keys = await appKeys();
  other = await appKeys();
});

/** A token signed with `with`, claims and header as given (defaults: a valid session). */
function token(
  options: {
    with?: AppKeys;
    header?: Record<string, unknown>;
    claims?: Record<string, unknown>;
    exp?: number;
  } = {},
): Promise<string> {
  const signer = options.with ?? keys;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: PUBLIC_URL,
    aud: `${PUBLIC_URL}/api`,
    sub: 'https://ehr.example/fhir/Practitioner/p1',
    iat: now,
    exp: options.exp ?? now + 600,
    tenant: 't1',
    ...options.claims,
  })
    .setProtectedHeader({ alg: 'ES256', kid: signer.kid, typ: TYP, ...options.header })
    .sign(signer.privateKey);
}

const refused = (t: string): Promise<void> =>
  expect(verifySessionToken(keys, PUBLIC_URL, t)).rejects.toMatchObject({
    code: 'SESSION_INVALID',
  });

describe('verifySessionToken', () => {
  test('accepts the tokens signSessionToken issues', async () => {
    const { token: issued } = await signSessionToken(keys, PUBLIC_URL, {
      sub: 'https://ehr.example/fhir/Practitioner/p1',
      tenant: 't1',
    });
    await expect(verifySessionToken(keys, PUBLIC_URL, issued)).resolves.toEqual({
      sub: 'https://ehr.example/fhir/Practitioner/p1',
      tenant: 't1',
    });
  });

  test('refuses another key, a changed payload or signature, and malformed tokens', async () => {
    await refused(await token({ with: other }));
    const [h, p, s] = (await token()).split('.') as [string, string, string];
    const changed = Buffer.from(
      JSON.stringify({
        ...(JSON.parse(Buffer.from(p, 'base64url').toString()) as object),
        tenant: 't2',
      }),
    ).toString('base64url');
    await refused(`${h}.${changed}.${s}`);
    await refused(`${h}.${p}.${s.slice(0, -4)}AAAA`);
    await refused(`${h}.${p}.`);
    await refused(`${h}.${p}`);
    await refused(`${h}.${p}.${s}.x`);
    await refused(`${h}.${p}.${s}=`);
    await refused('not a token');
  });

  test('refuses alg none, another alg, another typ and crit headers', async () => {
    const unsecured = new UnsecuredJWT({ tenant: 't1' })
      .setIssuer(PUBLIC_URL)
      .setAudience(`${PUBLIC_URL}/api`)
      .setSubject('x')
      .setExpirationTime('10m')
      .encode();
    await refused(unsecured);
    const [, p, s] = (await token()).split('.') as [string, string, string];
    const header = (h: object): string => Buffer.from(JSON.stringify(h)).toString('base64url');
    await refused(`${header({ alg: 'HS256', typ: TYP })}.${p}.${s}`);
    await refused(await token({ header: { typ: 'JWT' } }));
    await refused(
      await new SignJWT({ tenant: 't1' })
        .setProtectedHeader({ alg: 'ES256', typ: TYP, crit: ['x'], x: 1 })
        .setIssuer(PUBLIC_URL)
        .setAudience(`${PUBLIC_URL}/api`)
        .setSubject('x')
        .setExpirationTime('10m')
        .sign(keys.privateKey)
        .catch(() => 'unsignable'),
    );
  });

  test('refuses expired, not-yet-valid, wrong issuer or audience, and missing claims', async () => {
    await refused(await token({ exp: Math.floor(Date.now() / 1000) - 1 }));
    await refused(await token({ claims: { nbf: Math.floor(Date.now() / 1000) + 600 } }));
    await refused(await token({ claims: { iss: 'https://elsewhere.example' } }));
    await refused(await token({ claims: { aud: 'https://chartside.example/other' } }));
    await refused(await token({ claims: { tenant: 1 } }));
    await refused(await token({ claims: { sub: undefined } }));
    await refused(await token({ claims: { exp: undefined } }));
    await expect(
      verifySessionToken(
        keys,
        PUBLIC_URL,
        await token({ claims: { aud: ['a', `${PUBLIC_URL}/api`] } }),
      ),
    ).resolves.toMatchObject({ tenant: 't1' });
  });
});
