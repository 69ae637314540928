import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { getSettings, saveSettings } from '@/lib/db/contacts';
import { getOfferProfile, saveOfferProfile } from '@/lib/db/resources';
import { getDb } from '@/lib/db/schema';
import { openOptions } from '@/lib/browser/tabs';
import { isOfferProfileEmpty, linesToList } from '@/lib/resources/offer';
import { QuickAddResource } from '../options/QuickAddResource';
import { focusSoon, useAnnounce } from '../a11y';

/** The first section heading after `el` among its following siblings: where focus goes when `el`'s card goes. */
function nextSectionHeading(el: Element | null): HTMLElement | null {
  for (let n = el?.nextElementSibling; n; n = n.nextElementSibling) {
    const heading = n.matches('[data-section-heading]') ? (n as HTMLElement) : n.querySelector<HTMLElement>('[data-section-heading]');
    if (heading) return heading;
  }
  return null;
}

/**
 * First run: ask what the rep offers and doesn't, so fit can be judged. Everything works without it (fit is then
 * "unknown"), so it can be dismissed, and it never comes back once answered or dismissed.
 */
export function OnboardingCard() {
  const state = useLiveQuery(async () => {
    const db = getDb();
    const [offer, settings] = await Promise.all([getOfferProfile(db), getSettings(db)]);
    return { show: isOfferProfileEmpty(offer) && !settings.onboardingDismissed, offer };
  }, []);
  const [form, setForm] = useState({ name: '', offers: '', doesNotOffer: '', serves: '' });
  const announce = useAnnounce();
  // Saved or put off, the card goes (once the settings are read again) with the button that had focus: focus moves
  // to the next section's heading, and what happened is said, since the card that said it is gone.
  const leaving = useRef<string | null>(null);
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!leaving.current || !marker.current) return;
    const message = leaving.current;
    leaving.current = null;
    nextSectionHeading(marker.current)?.focus();
    announce(message);
  });
  if (!state) return null;
  // Answered and nothing to ask: an empty marker, so a test can tell "not shown" from "not loaded yet".
  if (!state.show) return <span hidden data-testid="onboarding-done" ref={marker} />;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    leaving.current = 'Saved what you offer. Change it any time in Settings.';
    try {
      await saveOfferProfile(getDb(), { ...state.offer, name: form.name, offers: linesToList(form.offers), doesNotOffer: linesToList(form.doesNotOffer), serves: form.serves });
    } catch (err) {
      leaving.current = null;
      throw err;
    }
  };
  const later = () => {
    leaving.current = 'Skipped for now. You can say what you offer any time in Settings.';
    saveSettings(getDb(), { onboardingDismissed: true }).catch(() => {
      leaving.current = null;
    });
  };
  // Labels word for word as on the options page's offer profile (components/options/OfferProfileForm.tsx).
  return (
    <form className="card form onboarding" onSubmit={(e) => void submit(e)} data-testid="onboarding" aria-labelledby="onboarding-title">
      <p className="state-title" id="onboarding-title">
        What do you offer?
      </p>
      <p className="muted small">Two lines are enough: Resourceful uses them to tell a fit from someone you can help in another way.</p>
      <label className="field">
        <span>Your name (for sign-offs)</span>
        <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      </label>
      <label className="field">
        <span>What you offer (one per line)</span>
        <textarea rows={2} value={form.offers} onChange={(e) => setForm({ ...form, offers: e.target.value })} placeholder={'CRM implementation\nSales coaching'} data-testid="onboarding-offers" />
      </label>
      <label className="field">
        <span>What you don't offer (one per line)</span>
        <textarea rows={2} value={form.doesNotOffer} onChange={(e) => setForm({ ...form, doesNotOffer: e.target.value })} placeholder={'Web design\nPaid ads'} data-testid="onboarding-not" />
      </label>
      <label className="field">
        <span>Who you serve</span>
        <input value={form.serves} onChange={(e) => setForm({ ...form, serves: e.target.value })} placeholder="B2B teams of 5–50 in Europe" />
      </label>
      <div className="row">
        <button type="submit" className="btn btn-primary btn-small" disabled={!form.offers.trim() && !form.doesNotOffer.trim()}>
          Save
        </button>
        <button type="button" className="btn btn-small" onClick={later} data-testid="onboarding-later">
          Later
        </button>
        <button type="button" className="link small" onClick={() => void openOptions()}>
          All settings
        </button>
      </div>
    </form>
  );
}

/** "Add a resource" from the panel: the quick form; the full library is on the options page. */
export function QuickAddResourceButton() {
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLDivElement>(null);
  const announce = useAnnounce();
  // The form replaces the button that opened it, and the button comes back when it closes: focus follows both ways.
  const close = () => {
    setOpen(false);
    focusSoon(() => opener.current);
  };
  return open ? (
    <div ref={form}>
      <QuickAddResource
        onAdded={(r) => {
          setAdded(r.title);
          // Said here: the form's own status line goes with the form, in the same step that fills it.
          announce(`Added “${r.title}” to your library.`);
          close();
        }}
        onCancel={close}
      />
    </div>
  ) : (
    <div className="row">
      <button
        ref={opener}
        type="button"
        className="btn"
        onClick={() => {
          setOpen(true);
          focusSoon(() => form.current?.querySelector<HTMLElement>('input, textarea, select'));
        }}
        data-testid="quick-add-open"
      >
        Add a resource
      </button>
      {added && (
        // Not a live region: it mounts with its text (announced when the resource was added).
        <span className="muted small" data-testid="quick-added">
          Added “{added}” to your library.
        </span>
      )}
    </div>
  );
}
