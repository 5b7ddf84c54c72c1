import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { AppError } from '../../http/app-error';
import { onFhirOrigin } from './fhir-origin';
import { discard, fhirGet, type EhrHttp } from './http';
import { readNdjson, type FhirResource } from './ndjson';
import { retryDelayMs } from './retry-after';

export interface BulkPolling {
  minDelayMs: number;
  maxDelayMs: number;
  /** The whole export, kick-off to the last line of the last file, must finish within this. */
  deadlineMs: number;
}

export interface BulkExportRequest {
  iss: string;
  types: readonly string[];
  /** `_since`: only resources changed after this instant. */
  since?: Date;
  /** The current access token; asked for again before each request, so a long export renews it. */
  accessToken: () => Promise<string>;
  http: EhrHttp;
  polling: BulkPolling;
  /**
   * https origins other than the FHIR server's where the export may put its files (pre-signed
   * links on cloud storage): fetched without our token. From the tenant's `fileOrigins`.
   */
  fileOrigins?: readonly string[];
  /** Told how many warning and information messages the export reported (never their text). */
  onMessages?: (counts: MessageCounts) => void;
}

/** Issues in an export's message files (`error` in the manifest), by OperationOutcome severity. */
export interface MessageCounts {
  fatal: number;
  error: number;
  warning: number;
  information: number;
}

const manifestSchema = z.looseObject({
  transactionTime: z.string().min(1),
  request: z.string().min(1),
  requiresAccessToken: z.boolean(),
  output: z.array(z.looseObject({ type: z.string().min(1), url: z.string().min(1) })),
  error: z.array(z.looseObject({ type: z.string(), url: z.string() })),
});
type Manifest = z.infer<typeof manifestSchema>;

function failed(message: string): AppError {
  return new AppError('BULK_EXPORT_FAILED', 502, message);
}

/** A file the manifest names, where it may be fetched from, and whether our token goes along. */
interface ExportFile {
  type: string;
  url: URL;
  /** Names the file in errors (never its content). */
  file: string;
  withToken: boolean;
}

/**
 * Where the token may go, for files: the FHIR server's origin (`onFhirOrigin`), and besides it
 * only the https hosts the admin listed for this EHR's export files (`fileOrigins`: pre-signed
 * links on cloud storage), which get no token, so an export that wants our token there is refused.
 */
function locateFile(
  request: BulkExportRequest,
  manifest: Manifest,
  entry: { type: string; url: string },
  file: string,
): ExportFile {
  const fhirOrigin = new URL(request.iss).origin;
  let target: URL | undefined;
  try {
    target = new URL(entry.url, `${request.iss}/`);
  } catch {
    // onFhirOrigin below says so.
  }
  const listed =
    target !== undefined &&
    target.origin !== fhirOrigin &&
    target.protocol === 'https:' &&
    (request.fileOrigins ?? []).some((host) => new URL(host).origin === target.origin);
  if (target === undefined || !listed) {
    const url = onFhirOrigin(entry.url, request.iss, 'BULK_OUTPUT_OFF_ORIGIN');
    return { type: entry.type, url, file, withToken: manifest.requiresAccessToken };
  }
  if (manifest.requiresAccessToken) {
    throw new AppError(
      'BULK_OUTPUT_OFF_ORIGIN',
      502,
      `The export's files on ${target.origin} require our access token, which is never sent outside the FHIR server ${fhirOrigin}: no request was made`,
    );
  }
  return { type: entry.type, url: target, file, withToken: false };
}

/**
 * A system-level export (FHIR Bulk Data Access IG 2.0.0 §Bulk Data Kick-off Request, Status
 * Request, Output File Request, Delete Request): kick-off, poll the status URL until the
 * manifest, stream every output file, then delete the export on the server (also when we stop
 * early). The status URL must be on the FHIR server's origin, and every file there or on a listed
 * file host (`locateFile`), all checked before any file is fetched.
 */
export async function* bulkExport(request: BulkExportRequest): AsyncGenerator<FhirResource> {
  const deadline = Date.now() + request.polling.deadlineMs;
  const statusUrl = await kickOff(request);
  try {
    const manifest = await pollForManifest(request, statusUrl, deadline);
    const outputs = manifest.output.map((output, index) => {
      if (!request.types.includes(output.type)) {
        throw failed(`The export returned ${output.type} resources, which were not requested`);
      }
      return locateFile(request, manifest, output, `Output file ${index + 1} (${output.type})`);
    });
    const messageFiles = manifest.error.map((entry, index) =>
      locateFile(
        request,
        manifest,
        { type: 'OperationOutcome', url: entry.url },
        `Message file ${index + 1}`,
      ),
    );
    const messages = await readMessages(request, messageFiles, deadline);
    if (messages.fatal + messages.error > 0) {
      // Partial data would skew the measure rates without anyone noticing: the pull fails instead.
      throw failed(
        `The export reported ${messages.fatal + messages.error} error(s) in its message files`,
      );
    }
    request.onMessages?.(messages);
    for (const output of outputs) yield* download(request, output, deadline);
  } finally {
    await deleteExport(request, statusUrl);
  }
}

/**
 * The manifest's message files ("Error, warning, and information messages related to the
 * asynchronous operation SHOULD be included in `error`", Bulk Data Access IG, output manifest),
 * counted by issue severity. They are read before the output: an error means the data is
 * partial, and then nothing else is downloaded. Their text may quote patient data: only counts
 * leave this function.
 */
async function readMessages(
  request: BulkExportRequest,
  files: readonly ExportFile[],
  deadline: number,
): Promise<MessageCounts> {
  const counts: MessageCounts = { fatal: 0, error: 0, warning: 0, information: 0 };
  for (const file of files) {
    for await (const outcome of download(request, file, deadline, false)) {
      const issues = Array.isArray(outcome.issue) ? (outcome.issue as unknown[]) : [];
      for (const issue of issues) {
        const severity = (issue as { severity?: unknown } | null)?.severity;
        // An issue without a known severity is taken for an error: data may be missing.
        if (typeof severity === 'string' && severity in counts)
          counts[severity as keyof MessageCounts] += 1;
        else counts.error += 1;
      }
    }
  }
  return counts;
}

/**
 * One output file, streamed. Files can be large: the download may take until the export's
 * deadline rather than the per-request timeout.
 */
async function* download(
  request: BulkExportRequest,
  output: ExportFile,
  deadline: number,
  requireId = true,
): AsyncGenerator<FhirResource> {
  const headers: Record<string, string> = { accept: 'application/fhir+ndjson' };
  if (output.withToken) headers.authorization = `Bearer ${await request.accessToken()}`;
  const signal = AbortSignal.timeout(Math.max(deadline - Date.now(), 1));
  let response: Response;
  try {
    response = await request.http.fetch(output.url, { headers, redirect: 'manual', signal });
  } catch {
    throw signal.aborted ? timedOut(request) : failed(`${output.file} could not be downloaded`);
  }
  if (response.status !== 200 || response.body === null) {
    discard(response);
    throw failed(`${output.file} could not be downloaded (HTTP ${response.status})`);
  }
  try {
    yield* readNdjson(response.body, {
      file: output.file,
      resourceType: output.type,
      requireId,
      signal,
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw signal.aborted ? timedOut(request) : failed(`${output.file} broke off while downloading`);
  }
}

function timedOut(request: BulkExportRequest): AppError {
  return new AppError(
    'BULK_EXPORT_TIMEOUT',
    504,
    `The export did not finish within ${Math.ceil(request.polling.deadlineMs / 1000)} s`,
  );
}

async function kickOff(request: BulkExportRequest): Promise<URL> {
  const url = new URL(`${request.iss}/$export`);
  url.searchParams.set('_type', request.types.join(','));
  if (request.since) url.searchParams.set('_since', request.since.toISOString());
  const authorization = `Bearer ${await request.accessToken()}`;
  let response: Response;
  try {
    response = await fhirGet(request.http, url, {
      accept: 'application/fhir+json',
      prefer: 'respond-async',
      authorization,
    });
    discard(response);
  } catch {
    throw failed('The EHR did not answer the $export request');
  }
  if (response.status !== 202) {
    throw failed(`The EHR refused the $export request (HTTP ${response.status})`);
  }
  const location = response.headers.get('content-location');
  if (location === null)
    throw failed('The EHR accepted the $export request but gave no status URL');
  return onFhirOrigin(location, request.iss, 'BULK_OUTPUT_OFF_ORIGIN');
}

async function pollForManifest(
  request: BulkExportRequest,
  statusUrl: URL,
  deadline: number,
): Promise<Manifest> {
  const limits = { minMs: request.polling.minDelayMs, maxMs: request.polling.maxDelayMs };
  for (;;) {
    const authorization = `Bearer ${await request.accessToken()}`;
    let response: Response;
    let body: unknown;
    try {
      response = await fhirGet(request.http, statusUrl, {
        accept: 'application/json',
        authorization,
      });
      if (response.status === 200) body = await response.json();
      else discard(response);
    } catch {
      throw failed('The export status could not be read');
    }
    if (response.status === 200) {
      const manifest = manifestSchema.safeParse(body);
      if (!manifest.success) throw failed('The export manifest is not a Bulk Data manifest');
      return manifest.data;
    }
    // 202: still running; 429: we polled too often (both say when to come back).
    if (response.status !== 202 && response.status !== 429) {
      throw failed(`The export failed on the EHR (HTTP ${response.status})`);
    }
    const delay = retryDelayMs(response.headers.get('retry-after'), limits);
    if (Date.now() + delay > deadline) throw timedOut(request);
    await sleep(delay);
  }
}

/** Tells the server we are done (or gave up), so it can free the files; a failure here is harmless. */
async function deleteExport(request: BulkExportRequest, statusUrl: URL): Promise<void> {
  try {
    // Inside the try: a token that cannot be renewed any more only means no DELETE.
    const response = await request.http.fetch(statusUrl, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await request.accessToken()}` },
      redirect: 'manual',
      signal: AbortSignal.timeout(request.http.timeoutMs),
    });
    discard(response);
  } catch {
    // The server expires exports on its own.
  }
}
