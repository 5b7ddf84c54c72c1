import { pino, type Logger } from 'pino';
import type { RequestHandler } from 'express';

/**
 * JSON-line logger. Redaction is a second line of defence: request logs carry only method,
 * path (never the query: it holds codes and states), status and timing — never a token,
 * a body or a patient identifier.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'chartside' },
    redact: {
      paths: [
        '*.authorization',
        '*.Authorization',
        '*.access_token',
        '*.id_token',
        '*.idToken',
        '*.accessToken',
        '*.sessionToken',
        'body',
        '*.body',
      ],
      censor: '[redacted]',
    },
  });
}

/** One log line per request with a request id (also sent back as `X-Request-Id`). */
export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const requestId = crypto.randomUUID();
    const started = performance.now();
    // Read now: a mounted router strips its prefix from the path while it handles the request.
    const path = req.path;
    res.locals.requestId = requestId;
    res.set('X-Request-Id', requestId);
    res.on('finish', () => {
      logger.info(
        {
          reqId: requestId,
          method: req.method,
          path,
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    });
    next();
  };
}
