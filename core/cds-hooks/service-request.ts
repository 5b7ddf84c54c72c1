import { z } from 'zod';

const fhirId = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'a FHIR id');

/** CDS Hooks 2.0.1 §Passing the Access Token to the CDS Service. */
export const fhirAuthorizationSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().nonnegative(),
  scope: z.string().min(1),
  subject: z.string().min(1),
  patient: fhirId.optional(),
});
export type FhirAuthorization = z.infer<typeof fhirAuthorizationSchema>;

/**
 * CDS Hooks 2.0.1 §Calling a CDS Service: the request body. `context` is checked per hook
 * (see the context schemas below); prefetch values may be resources, Bundles, OperationOutcomes
 * or `null`, so they are read by the service, not here.
 */
export const cdsServiceRequestSchema = z
  .object({
    hook: z.string().min(1),
    hookInstance: z.string().min(1).max(200),
    fhirServer: z.url().optional(),
    fhirAuthorization: fhirAuthorizationSchema.optional(),
    context: z.record(z.string(), z.unknown()),
    prefetch: z.record(z.string(), z.unknown()).optional(),
    extension: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((request) => request.fhirAuthorization === undefined || request.fhirServer, {
    error: 'fhirServer is required with fhirAuthorization',
    path: ['fhirServer'],
  });
export type CdsServiceRequest = z.infer<typeof cdsServiceRequestSchema>;

/** `Practitioner/abc`: the user types the hooks allow (CDS Hooks Library, patient-view userId). */
const userId = z
  .string()
  .regex(
    /^(Practitioner|PractitionerRole|Patient|RelatedPerson)\/[A-Za-z0-9\-.]{1,64}$/,
    'a reference such as Practitioner/abc',
  );

/** patient-view 1.0 context (CDS Hooks Library). */
export const patientViewContextSchema = z.object({
  userId,
  patientId: fhirId,
  encounterId: fhirId.optional(),
});

/** encounter-start 1.0 context (CDS Hooks Library): the encounter is required. */
export const encounterStartContextSchema = z.object({
  userId,
  patientId: fhirId,
  encounterId: fhirId,
});

/** order-select 1.0 context (CDS Hooks Library): the selected ids point into `draftOrders`. */
export const orderSelectContextSchema = z.object({
  userId,
  patientId: fhirId,
  encounterId: fhirId.optional(),
  selections: z.array(z.string().regex(/^[A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/, 'Type/id')).min(1),
  draftOrders: z.looseObject({
    resourceType: z.literal('Bundle'),
    entry: z
      .array(z.looseObject({ resource: z.looseObject({ resourceType: z.string() }).optional() }))
      .optional(),
  }),
});

/** The context fields every Chartside service reads. */
export type HookContext = z.infer<typeof patientViewContextSchema> & {
  selections?: string[];
  draftOrders?: z.infer<typeof orderSelectContextSchema>['draftOrders'];
};
