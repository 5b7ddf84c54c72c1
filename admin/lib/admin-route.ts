import { useCallback, useEffect, useState } from 'react';

/** The admin UI's pages, addressed by the URL hash so the server serves one page at /admin/. */
export type AdminRoute =
  | { page: 'tenants' }
  | { page: 'add-tenant' }
  | { page: 'tenant'; id: string }
  | { page: 'edit-tenant'; id: string }
  | { page: 'credits' }
  | { page: 'pars' }
  | { page: 'outcomes' }
  | { page: 'audit' };

export function parseRoute(hash: string): AdminRoute {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part));
  const [first, second, third] = parts;
  if (first === 'credits') return { page: 'credits' };
  if (first === 'audit') return { page: 'audit' };
  if (first === 'reports' && second === 'pars') return { page: 'pars' };
  if (first === 'reports' && second === 'outcomes') return { page: 'outcomes' };
  if (first === 'tenants' && second === 'new') return { page: 'add-tenant' };
  if (first === 'tenants' && second !== undefined) {
    return third === 'edit' ? { page: 'edit-tenant', id: second } : { page: 'tenant', id: second };
  }
  return { page: 'tenants' };
}

export function routeHref(route: AdminRoute): string {
  switch (route.page) {
    case 'tenants':
      return '#/tenants';
    case 'add-tenant':
      return '#/tenants/new';
    case 'tenant':
      return `#/tenants/${encodeURIComponent(route.id)}`;
    case 'edit-tenant':
      return `#/tenants/${encodeURIComponent(route.id)}/edit`;
    case 'credits':
      return '#/credits';
    case 'pars':
      return '#/reports/pars';
    case 'outcomes':
      return '#/reports/outcomes';
    case 'audit':
      return '#/audit';
  }
}

/** The current route, following the browser's back and forward buttons. */
export function useAdminRoute(): [AdminRoute, (route: AdminRoute) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const follow = () => {
      setRoute(parseRoute(window.location.hash));
    };
    window.addEventListener('hashchange', follow);
    return () => {
      window.removeEventListener('hashchange', follow);
    };
  }, []);
  const navigate = useCallback((next: AdminRoute) => {
    window.location.hash = routeHref(next);
    setRoute(next);
  }, []);
  return [route, navigate];
}
