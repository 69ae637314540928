import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { Announcer } from './a11y';
import './styles.css';

const client = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

// How long the first render may wait for the prefetched reads. They take a few database round trips (well under
// this); a slower database (the first open after the browser starts) gets the loading states instead of a blank page.
const PREFETCH_WAIT_MS = 250;

/**
 * Mounts an extension page: React root, query client, shared styles. `prefetch` starts reads before the first render,
 * which waits for them (at most PREFETCH_WAIT_MS): a first render without their data would be a loading state, thrown
 * away a moment later, and its components would start the same reads again, one waiting on the other.
 */
export function mount(children: ReactNode, prefetch?: (client: QueryClient) => Promise<unknown>): void {
  const ready = prefetch?.(client);
  const el = document.getElementById('root');
  if (!el) throw new Error('#root missing');
  const root = createRoot(el);
  const render = () =>
    root.render(
      <StrictMode>
        <QueryClientProvider client={client}>
          <Announcer>{children}</Announcer>
        </QueryClientProvider>
      </StrictMode>,
    );
  if (!ready) return render();
  void Promise.race([ready.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, PREFETCH_WAIT_MS))]).then(render);
}
