import { expect, test } from 'vitest';
import type { AppError } from '../../http/app-error';
import { readNdjson, type FhirResource } from './ndjson';

/** A body delivered in the given chunks, as a network would split it. */
function body(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

const options = { file: 'Observation output file 2', resourceType: 'Observation' };
const line = (id: string): string =>
  JSON.stringify({ resourceType: 'Observation', id, status: 'final' });

async function read(
  stream: ReadableStream<Uint8Array>,
  maxLineChars?: number,
): Promise<FhirResource[]> {
  const resources: FhirResource[] = [];
  for await (const resource of readNdjson(stream, { ...options, maxLineChars }))
    resources.push(resource);
  return resources;
}

async function failure(
  stream: ReadableStream<Uint8Array>,
  maxLineChars?: number,
): Promise<AppError> {
  return read(stream, maxLineChars).then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as AppError,
  );
}

test('lines split anywhere across chunks come out as whole resources, in order', async () => {
  const text = `${line('a')}\n${line('b')}\n${line('c')}`;
  const resources = await read(body(text.slice(0, 7), text.slice(7, 50), text.slice(50)));
  expect(resources.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  expect(resources[0]).toEqual({ resourceType: 'Observation', id: 'a', status: 'final' });
});

test('a multi-byte character split between chunks is decoded intact', async () => {
  const bytes = new TextEncoder().encode(
    `${JSON.stringify({ resourceType: 'Observation', id: 'u', note: 'µmol/L' })}\n`,
  );
  const at = bytes.indexOf(0xc2) + 1;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes.slice(0, at));
      controller.enqueue(bytes.slice(at));
      controller.close();
    },
  });
  expect((await read(stream))[0]?.note).toBe('µmol/L');
});

test('a blank last line and CRLF line ends are fine', async () => {
  expect((await read(body(`${line('a')}\r\n${line('b')}\r\n\n`))).map((r) => r.id)).toEqual([
    'a',
    'b',
  ]);
  expect(await read(body(''))).toEqual([]);
});

test('a line that is not JSON names the file and line, not the content', async () => {
  const error = await failure(
    body(`${line('a')}\n{"resourceType":"Observation","id":"MRN-12345"\n`),
  );
  expect(error.code).toBe('BULK_OUTPUT_INVALID');
  expect(error.message).toBe('Observation output file 2, line 2: not JSON');
  expect(error.message).not.toContain('MRN');
});

test.each([
  ['another type', JSON.stringify({ resourceType: 'Patient', id: 'p1' })],
  ['no id', JSON.stringify({ resourceType: 'Observation' })],
  ['an empty id', JSON.stringify({ resourceType: 'Observation', id: '' })],
  ['an array', JSON.stringify([{ resourceType: 'Observation', id: 'a' }])],
  ['null', 'null'],
])('a line with %s is refused', async (_name, bad) => {
  const error = await failure(body(`${line('a')}\n${line('b')}\n${bad}\n`));
  expect(error.code).toBe('BULK_OUTPUT_INVALID');
  expect(error.message).toBe(
    'Observation output file 2, line 3: not a FHIR Observation resource with an id',
  );
});

test('a blank line in the middle is refused with its number', async () => {
  const error = await failure(body(`${line('a')}\n\n${line('b')}\n`));
  expect(error.message).toBe('Observation output file 2, line 2: empty line');
});

test('an endless line is refused before it fills memory', async () => {
  const error = await failure(
    body(`${line('a')}\n`, '{"resourceType":"Observation","id":"', 'x'.repeat(200)),
    100,
  );
  expect(error.message).toBe('Observation output file 2, line 2: longer than 100 characters');
});

test('an abort stops a read whose source never ends, with an error rather than a short file', async () => {
  const controller = new AbortController();
  const stalled = new ReadableStream<Uint8Array>({
    start(source) {
      source.enqueue(new TextEncoder().encode(`${line('a')}\n`));
    },
  });
  const seen: string[] = [];
  const reading = (async () => {
    for await (const resource of readNdjson(stalled, { ...options, signal: controller.signal })) {
      seen.push(resource.id);
      controller.abort();
    }
  })();
  await expect(reading).rejects.toThrow();
  expect(seen).toEqual(['a']);
});
