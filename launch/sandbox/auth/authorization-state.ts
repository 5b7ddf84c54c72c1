/** The EHR context a launch carries into the token response (SMART App Launch 2.2 §2.0.7). */
export interface LaunchContext {
  patient: string;
  encounter?: string;
  practitioner?: string;
  appContext?: string;
}

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
  practitioner: string;
  context: Partial<LaunchContext>;
  expiresAt: number;
}

const LAUNCH_TTL_MS = 10 * 60_000;
/** Codes live at most 60 s and are single-use (RFC 6749 §4.1.2 recommends ≤ 10 min). */
export const CODE_TTL_MS = 60_000;

/**
 * Launches and authorization codes of the sandbox EHR. An EHR keeps these server-side;
 * this one keeps them in memory, which is fine for a single sandbox process.
 */
export class AuthorizationState {
  private readonly launches = new Map<string, { context: LaunchContext; expiresAt: number }>();
  private readonly codes = new Map<string, AuthorizationCode>();

  constructor(private readonly now: () => number = Date.now) {}

  createLaunch(context: LaunchContext): string {
    const id = crypto.randomUUID();
    this.launches.set(id, { context, expiresAt: this.now() + LAUNCH_TTL_MS });
    return id;
  }

  /** A launch id may be used again until it expires (a reloaded sidebar relaunches). */
  findLaunch(id: string): LaunchContext | undefined {
    const launch = this.launches.get(id);
    if (!launch || launch.expiresAt < this.now()) return undefined;
    return launch.context;
  }

  issueCode(grant: Omit<AuthorizationCode, 'expiresAt'>): string {
    this.sweep();
    const code = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
    this.codes.set(code, { ...grant, expiresAt: this.now() + CODE_TTL_MS });
    return code;
  }

  /** Returns the grant once; a second redemption or an expired code gets nothing. */
  redeemCode(code: string): AuthorizationCode | undefined {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    if (!grant || grant.expiresAt < this.now()) return undefined;
    return grant;
  }

  private sweep(): void {
    const now = this.now();
    for (const [code, grant] of this.codes) if (grant.expiresAt < now) this.codes.delete(code);
    for (const [id, launch] of this.launches) if (launch.expiresAt < now) this.launches.delete(id);
  }
}
