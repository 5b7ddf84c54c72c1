import { lazy, Suspense, useMemo, useState } from 'react';
import { createAdminApi } from './lib/admin-api';
import { AdminApiContext } from './lib/admin-api-context';
import {
  clearCredentials,
  readCredentials,
  saveCredentials,
  type AdminCredentials,
} from './lib/admin-credentials';
import { routeHref, useAdminRoute, type AdminRoute } from './lib/admin-route';
import { AuditPage } from './reports/audit-page';
import { CreditsPage } from './reports/credits-page';
import { ParsExportPage } from './reports/pars-export-page';
import { SignInPage } from './sign-in/sign-in-page';
import { AddTenantPage } from './tenants/add-tenant-page';
import { EditTenantPage } from './tenants/edit-tenant-page';
import type { Notice } from './tenants/notice';
import { TenantListPage } from './tenants/tenant-list-page';
import { TenantPage } from './tenants/tenant-page';

// Its own chunk: the chart library loads only when the outcomes report is opened.
const OutcomesPage = lazy(() => import('./reports/outcomes-page'));

const NAV: { route: AdminRoute; label: string; section: AdminRoute['page'][] }[] = [
  {
    route: { page: 'tenants' },
    label: 'EHRs',
    section: ['tenants', 'add-tenant', 'tenant', 'edit-tenant'],
  },
  { route: { page: 'credits' }, label: 'Credits issued', section: ['credits'] },
  { route: { page: 'pars' }, label: 'PARS export', section: ['pars'] },
  { route: { page: 'outcomes' }, label: 'Outcomes', section: ['outcomes'] },
  { route: { page: 'audit' }, label: 'Audit log', section: ['audit'] },
];

function Page({ route, notice, go }: { route: AdminRoute; notice: Notice | undefined; go: Go }) {
  switch (route.page) {
    case 'tenants':
      return <TenantListPage />;
    case 'add-tenant':
      return <AddTenantPage go={go} />;
    case 'tenant':
      return <TenantPage id={route.id} notice={notice} />;
    case 'edit-tenant':
      return <EditTenantPage id={route.id} go={go} />;
    case 'credits':
      return <CreditsPage />;
    case 'pars':
      return <ParsExportPage />;
    case 'outcomes':
      return (
        <Suspense fallback={<p role="status">Loading the outcomes report…</p>}>
          <OutcomesPage />
        </Suspense>
      );
    case 'audit':
      return <AuditPage />;
  }
}

type Go = (route: AdminRoute, notice?: Notice) => void;

/**
 * The admin UI at /admin/: sign-in with ADMIN_TOKEN, then EHRs, credits, reports (PARS,
 * outcomes) and the audit log.
 */
export function AdminApp({ storage = sessionStorage }: { storage?: Storage }) {
  const [credentials, setCredentials] = useState(() => readCredentials(storage));
  const api = useMemo(() => credentials && createAdminApi(credentials), [credentials]);
  const [route, navigate] = useAdminRoute();
  const [notice, setNotice] = useState<{ for: string; notice: Notice }>();
  const href = routeHref(route);
  const [shown, setShown] = useState(href);
  if (shown !== href) {
    // A notice belongs to the page an action led to: moving on elsewhere drops it.
    setShown(href);
    if (notice && notice.for !== href) setNotice(undefined);
  }
  const go: Go = (next, withNotice) => {
    setNotice(withNotice && { for: routeHref(next), notice: withNotice });
    navigate(next);
  };

  if (!credentials || !api) {
    return (
      <SignInPage
        onSignedIn={(signedIn: AdminCredentials) => {
          saveCredentials(signedIn, storage);
          setCredentials(signedIn);
          navigate({ page: 'tenants' });
        }}
      />
    );
  }
  return (
    <AdminApiContext value={api}>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="admin-header">
        <p className="product">Chartside admin</p>
        <nav aria-label="Admin">
          <ul>
            {NAV.map((item) => (
              <li key={item.label}>
                <a
                  href={routeHref(item.route)}
                  aria-current={item.section.includes(route.page) ? 'page' : undefined}
                >
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p className="who">
          {credentials.actor === undefined ? 'Signed in' : `Signed in as ${credentials.actor}`}{' '}
          <button
            type="button"
            onClick={() => {
              clearCredentials(storage);
              setCredentials(undefined);
              navigate({ page: 'tenants' });
            }}
          >
            Sign out
          </button>
        </p>
      </header>
      <main id="main" tabIndex={-1}>
        <Page
          key={href}
          route={route}
          notice={notice?.for === href ? notice.notice : undefined}
          go={go}
        />
      </main>
    </AdminApiContext>
  );
}
