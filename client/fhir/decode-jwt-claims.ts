/**
 * The claims of a JWT, decoded but NOT verified: for display only. Unlike fhirclient's
 * `getIdToken()` (plain `atob`), this handles base64url (RFC 7515 §2) and UTF-8 claims.
 */
export function decodeJwtClaims(jwt: string): unknown {
  const payload = jwt.split('.')[1];
  if (payload === undefined || payload === '') return undefined;
  try {
    const base64 = payload
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return claims;
  } catch {
    return undefined;
  }
}
