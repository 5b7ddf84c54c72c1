import type { RequestHandler } from 'express';

/** The logo EHR registration portals ask for: a plain SVG, served at `/logo.svg`. */
const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="Chartside">
<rect width="64" height="64" rx="12" fill="#0b5cad"/>
<rect x="14" y="12" width="30" height="40" rx="3" fill="#fff"/>
<path d="M20 22h18M20 30h18M20 38h10" stroke="#0b5cad" stroke-width="3" stroke-linecap="round"/>
<circle cx="46" cy="44" r="10" fill="#f2a900"/>
<path d="M41 44l4 4 6-8" stroke="#fff" stroke-width="3" fill="none" stroke-linecap="round"/>
</svg>
`;

export function appLogoRoute(): RequestHandler {
  return (_req, res) => {
    res.set('Cache-Control', 'public, max-age=86400').type('image/svg+xml').send(LOGO);
  };
}
