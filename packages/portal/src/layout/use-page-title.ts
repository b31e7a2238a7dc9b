/** The browser tab (and screen readers announcing a navigation) name the page: "Orders · Meshwork". */
import { useEffect } from 'react';

export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Meshwork` : 'Meshwork';
  }, [title]);
}
