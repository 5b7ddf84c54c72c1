import type { DiscoveryWarning, SmartDiscovery } from '../../core/wire/admin';

const list = (values: string[] | undefined) =>
  values === undefined ? 'not published' : values.length > 0 ? values.join(', ') : 'none';

/** What the EHR's `.well-known/smart-configuration` said, as a description list. */
export function DiscoveryDetails({ discovery }: { discovery: SmartDiscovery }) {
  const rows: [string, string][] = [
    ['OpenID issuer', discovery.issuer ?? 'not published'],
    ['JWKS URL', discovery.jwksUri ?? 'not published'],
    ['Authorization endpoint', discovery.authorizationEndpoint],
    ['Token endpoint', discovery.tokenEndpoint],
    ['Capabilities', list(discovery.capabilities)],
    ['Scopes supported', list(discovery.scopesSupported)],
    ['PKCE methods', list(discovery.codeChallengeMethods)],
    ['Read at', new Date(discovery.fetchedAt).toLocaleString()],
  ];
  return (
    <dl className="details">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Discovery warnings: what will stop or weaken launches, though saving is allowed. */
export function DiscoveryWarnings({
  warnings,
  headingLevel = 3,
}: {
  warnings: DiscoveryWarning[];
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  if (warnings.length === 0) {
    return <p className="ok">No warnings: the EHR offers everything Chartside needs.</p>;
  }
  return (
    <div className="warnings">
      <Heading>
        {warnings.length} {warnings.length === 1 ? 'warning' : 'warnings'}
      </Heading>
      <ul>
        {warnings.map((warning) => (
          <li key={warning.code}>
            {warning.message} <span className="error-code">({warning.code})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
