import type { Organization, Practitioner, PractitionerRole } from 'fhir/r4';
import { cc, SYSTEM } from './codes';

/** Ids of the shared organisation and clinicians, for Encounter.participant and sign-in. */
export const STAFF = {
  organization: 'chartside-sandbox-hospital',
  internist: 'dr-amara-osei',
  cardiologist: 'dr-lena-kowalski',
  emergencyPa: 'pa-marcus-reed',
} as const;

export type ClinicianId = (typeof STAFF)['internist' | 'cardiologist' | 'emergencyPa'];

interface ClinicianSpec {
  id: ClinicianId;
  family: string;
  given: string;
  prefix?: string;
  suffix: string;
  npi: string;
  qualification: string;
  /** NUCC taxonomy code and display, seen identically in several public HL7/NUCC listings. */
  taxonomy: { code: string; display: string };
  specialty: string;
  role: string;
}

const CLINICIANS: readonly ClinicianSpec[] = [
  {
    id: STAFF.internist,
    family: 'Osei',
    given: 'Amara',
    prefix: 'Dr.',
    suffix: 'MD',
    npi: '9990000011',
    qualification: 'MD, board certified in internal medicine',
    taxonomy: { code: '207R00000X', display: 'Internal Medicine Physician' },
    specialty: 'Internal medicine',
    role: 'Attending physician (hospital medicine and primary care)',
  },
  {
    id: STAFF.cardiologist,
    family: 'Kowalski',
    given: 'Lena',
    prefix: 'Dr.',
    suffix: 'MD',
    npi: '9990000029',
    qualification: 'MD, board certified in cardiovascular disease',
    taxonomy: { code: '207RC0000X', display: 'Cardiovascular Disease Physician' },
    specialty: 'Cardiology',
    role: 'Attending cardiologist',
  },
  {
    id: STAFF.emergencyPa,
    family: 'Reed',
    given: 'Marcus',
    suffix: 'PA-C',
    npi: '9990000037',
    qualification: 'PA-C, emergency medicine',
    taxonomy: { code: '363AM0700X', display: 'Medical Physician Assistant' },
    specialty: 'Emergency medicine',
    role: 'Physician assistant (emergency department and urgent care)',
  },
];

function practitioner(spec: ClinicianSpec): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: spec.id,
    active: true,
    identifier: [{ system: SYSTEM.npi, value: spec.npi }],
    name: [
      {
        use: 'official',
        family: spec.family,
        given: [spec.given],
        ...(spec.prefix === undefined ? {} : { prefix: [spec.prefix] }),
        suffix: [spec.suffix],
        text: `${spec.prefix === undefined ? '' : `${spec.prefix} `}${spec.given} ${spec.family}, ${spec.suffix}`,
      },
    ],
    qualification: [{ code: cc(spec.qualification) }],
  };
}

function role(spec: ClinicianSpec): PractitionerRole {
  return {
    resourceType: 'PractitionerRole',
    id: `${spec.id}-role`,
    active: true,
    practitioner: { reference: `Practitioner/${spec.id}` },
    organization: { reference: `Organization/${STAFF.organization}` },
    code: [cc(spec.role)],
    specialty: [
      cc(spec.specialty, {
        system: SYSTEM.nucc,
        code: spec.taxonomy.code,
        display: spec.taxonomy.display,
      }),
    ],
  };
}

/** Clinicians and the organisation shared by all personas (for sign-in and Encounter.participant). */
export function buildStaff(): {
  organization: Organization;
  practitioners: Practitioner[];
  roles: PractitionerRole[];
} {
  return {
    organization: {
      resourceType: 'Organization',
      id: STAFF.organization,
      active: true,
      name: 'Sandbox General Hospital',
      type: [
        cc('Healthcare provider', {
          system: 'http://terminology.hl7.org/CodeSystem/organization-type',
          code: 'prov',
          display: 'Healthcare Provider',
        }),
      ],
    },
    practitioners: CLINICIANS.map(practitioner),
    roles: CLINICIANS.map(role),
  };
}
