import { Link } from 'react-router';
import { usePageTitle } from '../layout/use-page-title.js';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <section aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>
        There is no page here. <Link to="/">Go to the marketplace</Link>.
      </p>
    </section>
  );
}
