import { signAccessToken } from '../auth/access-token';
import type { SigningKey } from '../auth/signing-key';
import { signCdsClientJwt } from './cds-client-jwt';
import type { CdsClientKey } from './cds-client-key';
import type { CdsFeedbackEntry } from '../../../core/cds-hooks/feedback';
import { cdsDiscoverySchema, parseCards, type CdsCard, type CdsService } from './cds-wire';
import { fhirQueryOverHttp, fillPrefetch, type FhirQuery } from './fill-prefetch';

export interface CdsClientDeps {
  key: CdsClientKey;
  /** The sandbox's public URL: `iss` of every call. */
  issuer: string;
  /** `GET` here lists the services; each is called at `{discoveryUrl}/{id}`. */
  discoveryUrl: string;
  fhirBaseUrl: string;
  /** Signs the FHIR tokens for prefetch and `fhirAuthorization`. */
  signingKey: SigningKey;
  /** One budget for discovery, prefetch and the call together. */
  timeoutMs: number;
  discoveryTtlMs?: number;
  /** How prefetch reaches the sandbox's FHIR data; over HTTP to itself by default. */
  fhirQuery?: (accessToken: string, signal: AbortSignal) => FhirQuery;
  /** One line per failure, never with a token, a body or a patient id. */
  log?: (line: string) => void;
}

/** Who is looking at which chart: the hook context of `patient-view` (CDS Hooks Library 1.0.1). */
export interface ChartContext {
  patientId: string;
  encounterId?: string;
  practitionerId: string;
}

export interface ServiceCard {
  serviceId: string;
  card: CdsCard;
}

export type HookResult = { status: 'ok'; cards: ServiceCard[] } | { status: 'unavailable' };

/** The client id the sandbox's authorization server knows the CDS services by. */
const CDS_SERVICE_CLIENT_ID = 'chartside-cds-services';
const FHIR_AUTHORIZATION_TTL_SECONDS = 300;

/**
 * The sandbox EHR as a CDS Hooks 2.0.1 client: discovers the services, fills their prefetch from
 * its own FHIR data, calls them with a signed JWT and sends feedback. Failures never throw: a
 * chart works without suggestions.
 */
export class CdsClient {
  private discovered: { services: CdsService[]; expiresAt: number } | undefined;

  constructor(private readonly deps: CdsClientDeps) {}

  /** CDS Hooks 2.0.1 §Discovery, cached for a minute so each chart load need not ask again. */
  async discover(signal: AbortSignal): Promise<CdsService[]> {
    if (this.discovered && this.discovered.expiresAt > Date.now()) return this.discovered.services;
    const response = await fetch(this.deps.discoveryUrl, {
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${await this.jwt(this.deps.discoveryUrl)}`,
      },
      signal,
    });
    if (!response.ok) throw new Error(`discovery answered ${response.status}`);
    const parsed = cdsDiscoverySchema.safeParse(await response.json());
    if (!parsed.success) throw new Error('discovery response does not parse');
    const ttl = this.deps.discoveryTtlMs ?? 60_000;
    this.discovered = { services: parsed.data.services, expiresAt: Date.now() + ttl };
    return parsed.data.services;
  }

  /** Calls every `patient-view` service for a chart (CDS Hooks 2.0.1 §Calling a CDS Service). */
  async callPatientView(chart: ChartContext): Promise<HookResult> {
    const signal = AbortSignal.timeout(this.deps.timeoutMs);
    try {
      const services = (await this.discover(signal)).filter((s) => s.hook === 'patient-view');
      const results = await Promise.all(services.map((s) => this.callService(s, chart, signal)));
      return { status: 'ok', cards: results.flat() };
    } catch (error) {
      this.log(`patient-view unavailable: ${reason(error)}`);
      return { status: 'unavailable' };
    }
  }

  /** CDS Hooks 2.0.1 §Feedback: true when the service took it. */
  async sendFeedback(serviceId: string, feedback: CdsFeedbackEntry[]): Promise<boolean> {
    const url = `${this.serviceUrl(serviceId)}/feedback`;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${await this.jwt(url)}`,
        },
        body: JSON.stringify({ feedback }),
        signal: AbortSignal.timeout(this.deps.timeoutMs),
      });
      if (!response.ok) throw new Error(`feedback answered ${response.status}`);
      return true;
    } catch (error) {
      this.log(`feedback to ${serviceId} failed: ${reason(error)}`);
      return false;
    }
  }

  private async callService(
    service: CdsService,
    chart: ChartContext,
    signal: AbortSignal,
  ): Promise<ServiceCard[]> {
    const url = this.serviceUrl(service.id);
    const context = {
      userId: `Practitioner/${chart.practitionerId}`,
      patientId: chart.patientId,
      ...(chart.encounterId !== undefined && { encounterId: chart.encounterId }),
    };
    const [prefetch, fhirAuthorization] = await Promise.all([
      this.prefetch(service, context, chart, signal),
      this.fhirAuthorization(chart),
    ]);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        Authorization: `Bearer ${await this.jwt(url)}`,
      },
      body: JSON.stringify({
        hook: service.hook,
        hookInstance: crypto.randomUUID(),
        fhirServer: this.deps.fhirBaseUrl,
        fhirAuthorization,
        context,
        prefetch,
      }),
      signal,
    });
    if (!response.ok) throw new Error(`${service.id} answered ${response.status}`);
    const parsed = parseCards(await response.json());
    if (!parsed) throw new Error(`${service.id} response does not parse`);
    if (parsed.dropped > 0) this.log(`${service.id}: ${parsed.dropped} card(s) did not parse`);
    return parsed.cards.map((card) => ({ serviceId: service.id, card }));
  }

  private async prefetch(
    service: CdsService,
    context: Record<string, string>,
    chart: ChartContext,
    signal: AbortSignal,
  ): Promise<Record<string, unknown>> {
    if (!service.prefetch) return {};
    // The EHR reads its own data as the signed-in user, not as the service.
    const token = await this.fhirToken(chart, 'user/*.rs', false);
    const query =
      this.deps.fhirQuery?.(token, signal) ??
      fhirQueryOverHttp({ fhirBaseUrl: this.deps.fhirBaseUrl, accessToken: token, signal });
    return fillPrefetch(service.prefetch, context, query);
  }

  /** CDS Hooks 2.0.1 §Passing the Access Token to the CDS Service: read-only, this patient. */
  private async fhirAuthorization(chart: ChartContext) {
    const scope = 'patient/*.rs user/Practitioner.rs';
    return {
      access_token: await this.fhirToken(chart, scope, true),
      token_type: 'Bearer',
      expires_in: FHIR_AUTHORIZATION_TTL_SECONDS,
      scope,
      subject: CDS_SERVICE_CLIENT_ID,
    };
  }

  private fhirToken(chart: ChartContext, scope: string, forPatient: boolean): Promise<string> {
    return signAccessToken(
      this.deps.signingKey,
      this.deps.fhirBaseUrl,
      {
        sub: `Practitioner/${chart.practitionerId}`,
        client_id: CDS_SERVICE_CLIENT_ID,
        scope,
        ...(forPatient && { patient: chart.patientId }),
      },
      FHIR_AUTHORIZATION_TTL_SECONDS,
    );
  }

  private serviceUrl(serviceId: string): string {
    return `${this.deps.discoveryUrl}/${encodeURIComponent(serviceId)}`;
  }

  private jwt(audience: string): Promise<string> {
    return signCdsClientJwt(this.deps.key, { issuer: this.deps.issuer, audience });
  }

  private log(line: string): void {
    this.deps.log?.(`CDS client: ${line}`);
  }
}

function reason(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return 'timed out';
  }
  return error instanceof Error ? error.message : 'unknown error';
}
