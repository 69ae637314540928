import { useState } from 'react';
import type { Resource } from '@/lib/db/models';
import { Section } from '../panel/ui';
import { ResourceForm } from './ResourceForm';
import './options.css';

/**
 * Adds a resource to the library from the side panel without leaving the thread: title, link, one-line summary,
 * kind and tags. The full library (edit, delete, import, export) lives on the options page.
 */
export function QuickAddResource({ onAdded, onCancel }: { onAdded?: (r: Resource) => void; onCancel?: () => void }) {
  const [added, setAdded] = useState<string | null>(null);
  return (
    <Section title="Add a resource" testId="quick-add-resource">
      <ResourceForm
        compact
        // Mounted when the rep asks for it ("Add a resource"): the title field takes the focus.
        autoFocus
        testId="quick-add-form"
        onSaved={(r) => {
          setAdded(r.title);
          onAdded?.(r);
        }}
        onCancel={onCancel}
      />
      <p className="muted small" role="status" data-testid="quick-add-status">
        {added ? `Added “${added}” to your library.` : ''}
      </p>
    </Section>
  );
}
