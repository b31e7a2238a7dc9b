/** Every signed-in page: a skip link, the header (search, navigation, user) and the page itself. */
import { Outlet } from 'react-router';
import { SiteHeader } from './site-header.js';

export function AppLayout() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
