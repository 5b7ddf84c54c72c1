import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** Connections to EHRs stay open between requests: no TCP (and TLS) handshake per read. */
const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 16 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 16 }),
};

export interface EhrResponse {
  status: number;
  /** The body parsed as JSON; undefined when it is not JSON (or too large to be what we asked). */
  json: unknown;
}

/**
 * A GET to an EHR over pooled keep-alive connections (cheaper than `fetch` per request).
 * Redirects are not followed, so a bearer token never leaves the URL it was meant for. Rejects
 * when the server cannot be reached or does not answer within `timeoutMs`.
 */
export function ehrGet(
  url: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; maxBytes: number },
): Promise<EhrResponse> {
  const target = new URL(url);
  const https = target.protocol === 'https:';
  if (!https && target.protocol !== 'http:')
    return Promise.reject(new Error(`Unsupported protocol ${target.protocol}`));
  return new Promise((resolve, reject) => {
    const signal = AbortSignal.timeout(options.timeoutMs);
    const req = (https ? httpsRequest : httpRequest)(
      target,
      { method: 'GET', headers, agent: https ? agents.https : agents.http, signal },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let tooLarge = false;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) tooLarge = true;
          else chunks.push(chunk);
        });
        res.on('error', reject);
        res.on('end', () => {
          let json: unknown;
          if (!tooLarge) {
            try {
              json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              json = undefined;
            }
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}
