import type { RequestHandler } from 'express';

/**
 * CORS for browser-based CDS clients (CDS Hooks 2.0.1 §Cross-Origin Resource Sharing), from an
 * allow-list only. Headers are set before anything else runs, so error answers carry them too;
 * preflight is answered here on every CDS Hooks path.
 */
export function cdsCors(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    const origin = req.get('origin');
    res.vary('Origin');
    if (origin !== undefined && allowed.has(origin)) {
      res.set({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
        'Access-Control-Max-Age': '600',
      });
    }
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  };
}
