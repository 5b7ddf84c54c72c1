/** The service cannot get the data it needs: answered 412 (CDS Hooks 2.0.1 §HTTP Status Codes). */
export class CdsPrefetchError extends Error {
  constructor(readonly keys: string[]) {
    super(`Prefetch missing and no FHIR access: ${keys.join(', ')}`);
    this.name = 'CdsPrefetchError';
  }
}
