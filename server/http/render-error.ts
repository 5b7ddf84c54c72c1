import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { ERROR_CODE_SYSTEM, type OperationOutcomeBody } from '../../core/wire/operation-outcome';
import { AppError } from './app-error';

const ISSUE_CODE: Record<number, string> = {
  400: 'invalid',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  409: 'duplicate',
  412: 'incomplete',
  422: 'processing',
};

export function operationOutcome(error: AppError): OperationOutcomeBody {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'error',
        code: ISSUE_CODE[error.status] ?? 'exception',
        details: { coding: [{ system: ERROR_CODE_SYSTEM, code: error.code }], text: error.message },
        ...(error.expression && { expression: error.expression }),
      },
    ],
  };
}

/** Renders every error as an OperationOutcome; unexpected ones are logged and hidden. */
export function renderError(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    let known: AppError;
    if (error instanceof AppError) {
      known = error;
    } else if (isBodyParserError(error)) {
      known = new AppError('REQUEST_INVALID', 400, 'The request body is not valid JSON');
    } else {
      logger.error({ err: error, reqId: res.locals.requestId as unknown }, 'unhandled error');
      known = new AppError('INTERNAL', 500, 'Something went wrong on our side. Try again.');
    }
    res.status(known.status).type('application/fhir+json').json(operationOutcome(known));
  };
}

function isBodyParserError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'type' in error &&
    error.type === 'entity.parse.failed'
  );
}
