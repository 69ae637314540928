import { useEffect, useState } from 'react';
import { openExtensionPage, openOptions } from '@/lib/browser/tabs';
import { SITE_HOSTS } from '@/lib/messaging';
import { useNow, usePanelTab, useSettings, useTabState, useTheme } from '../hooks';
import { ContactById, GmailView, HomeView, LinkedInView } from './views';
import { StateMessage } from './ui';

function isSupportedUrl(url: string | null): boolean {
  if (!url) return false;
  try {
    const host = new URL(url).host;
    return host === SITE_HOSTS.gmail || host === SITE_HOSTS.linkedin;
  } catch {
    return false;
  }
}

/** The side panel: follows the tab, shows the person on it, or home. */
export function PanelRoot() {
  const settings = useSettings();
  useTheme(settings.theme);
  const now = useNow();
  const tab = usePanelTab();
  const state = useTabState(tab?.tabId ?? null);
  const [openContact, setOpenContact] = useState<string | null>(null);
  // A new page (another tab, another thread) takes the panel back to it.
  const snapshotKey = state.data ? `${tab?.tabId}:${state.data.snapshot.url}` : `${tab?.tabId}`;
  useEffect(() => setOpenContact(null), [snapshotKey]);

  let body: React.ReactNode;
  if (openContact) {
    body = <ContactById id={openContact} now={now} onBack={() => setOpenContact(null)} />;
  } else if (tab === undefined || (tab && state.isPending)) {
    body = <StateMessage kind="loading" title="Reading this page…" />;
  } else if (!tab || !state.data) {
    body = isSupportedUrl(tab?.url ?? null) ? (
      <>
        <StateMessage kind="info" title="Waiting for the page…">
          <p>If this tab was open before Resourceful was installed, reload it once.</p>
        </StateMessage>
        <HomeView now={now} onOpenContact={setOpenContact} />
      </>
    ) : (
      <HomeView now={now} onOpenContact={setOpenContact} />
    );
  } else if (state.data.snapshot.site === 'gmail') {
    body = <GmailView tabId={tab.tabId} snapshot={state.data.snapshot} ownEmails={settings.ownEmails} now={now} onOpenContact={setOpenContact} />;
  } else {
    body = <LinkedInView snapshot={state.data.snapshot} now={now} onOpenContact={setOpenContact} />;
  }

  return (
    <div className="panel">
      <header className="topbar">
        <span className="brand">Resourceful</span>
        <span className="row">
          <button type="button" className="btn btn-small" onClick={() => void openExtensionPage('report.html')} data-testid="open-report">
            Goodwill report
          </button>
          <button type="button" className="btn btn-small" onClick={() => void openOptions()} aria-label="Settings">
            ⚙ Settings
          </button>
        </span>
      </header>
      <main className="panel-main">{body}</main>
    </div>
  );
}
