import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { getSettings, saveSettings } from '@/lib/db/contacts';
import { getOfferProfile, saveOfferProfile } from '@/lib/db/resources';
import { getDb } from '@/lib/db/schema';
import { openOptions } from '@/lib/browser/tabs';
import { isOfferProfileEmpty, linesToList } from '@/lib/resources/offer';
import { QuickAddResource } from '../options/QuickAddResource';

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
  if (!state) return null;
  // Answered and nothing to ask: an empty marker, so a test can tell "not shown" from "not loaded yet".
  if (!state.show) return <span hidden data-testid="onboarding-done" />;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await saveOfferProfile(getDb(), { ...state.offer, name: form.name, offers: linesToList(form.offers), doesNotOffer: linesToList(form.doesNotOffer), serves: form.serves });
  };
  // Labels word for word as on the options page's offer profile (components/options/OfferProfileForm.tsx).
  return (
    <form className="card form onboarding" onSubmit={submit} data-testid="onboarding" aria-labelledby="onboarding-title">
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
        <button type="button" className="btn btn-small" onClick={() => void saveSettings(getDb(), { onboardingDismissed: true })} data-testid="onboarding-later">
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
  return open ? (
    <QuickAddResource
      onAdded={(r) => {
        setAdded(r.title);
        setOpen(false);
      }}
      onCancel={() => setOpen(false)}
    />
  ) : (
    <div className="row">
      <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="quick-add-open">
        Add a resource
      </button>
      {added && (
        <span className="muted small" role="status" data-testid="quick-added">
          Added “{added}” to your library.
        </span>
      )}
    </div>
  );
}
