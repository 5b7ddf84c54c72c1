import { AppError } from '../../http/app-error';

/** A FHIR resource as read from the EHR: its type and id checked, the rest kept as sent. */
export interface FhirResource {
  resourceType: string;
  id: string;
  [element: string]: unknown;
}

/** Far above any single clinical resource; stops an endless line from eating memory. */
const DEFAULT_MAX_LINE_CHARS = 8 * 1024 * 1024;

function invalid(file: string, line: number, what: string): AppError {
  // The line's content is patient data: the message names only where it is.
  return new AppError('BULK_OUTPUT_INVALID', 502, `${file}, line ${line}: ${what}`);
}

function parseLine(
  text: string,
  file: string,
  line: number,
  resourceType: string,
  requireId: boolean,
): FhirResource {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid(file, line, 'not JSON');
  }
  const resource = value as Partial<FhirResource> | null;
  if (
    typeof resource !== 'object' ||
    resource === null ||
    Array.isArray(resource) ||
    resource.resourceType !== resourceType ||
    (requireId && (typeof resource.id !== 'string' || resource.id === ''))
  ) {
    throw invalid(
      file,
      line,
      `not a FHIR ${resourceType} resource${requireId ? ' with an id' : ''}`,
    );
  }
  return resource as FhirResource;
}

/**
 * Reads a Bulk Data output file (FHIR Bulk Data Access 2.0.0 §Bulk Data Output File Request:
 * one resource per line, `application/fhir+ndjson`) as a stream, one resource at a time, never
 * the whole file in memory. Every line must be a `resourceType` resource with an id; a blank
 * line is allowed only at the end. `file` names the file in errors (never its content).
 */
export async function* readNdjson(
  body: ReadableStream<Uint8Array>,
  options: {
    file: string;
    resourceType: string;
    maxLineChars?: number;
    /** False for message files: an OperationOutcome there need not have an id. */
    requireId?: boolean;
    /** Stops the read (the loop then throws), whether or not the body's source notices. */
    signal?: AbortSignal;
  },
): AsyncGenerator<FhirResource> {
  const maxLineChars = options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS;
  let buffered = '';
  let line = 0;
  let blankLine: number | undefined;
  const take = (text: string): FhirResource | undefined => {
    line += 1;
    const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (trimmed.trim() === '') {
      blankLine ??= line;
      return undefined;
    }
    if (blankLine !== undefined) throw invalid(options.file, blankLine, 'empty line');
    return parseLine(trimmed, options.file, line, options.resourceType, options.requireId ?? true);
  };
  const text = body.pipeThrough(new TextDecoderStream(), { signal: options.signal });
  for await (const chunk of text) {
    buffered += chunk;
    let start = 0;
    for (let end = buffered.indexOf('\n'); end !== -1; end = buffered.indexOf('\n', start)) {
      const resource = take(buffered.slice(start, end));
      start = end + 1;
      if (resource) yield resource;
    }
    buffered = buffered.slice(start);
    if (buffered.length > maxLineChars) {
      throw invalid(options.file, line + 1, `longer than ${maxLineChars} characters`);
    }
  }
  if (buffered !== '') {
    const resource = take(buffered);
    if (resource) yield resource;
  }
}
