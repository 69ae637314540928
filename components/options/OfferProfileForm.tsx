import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { getOfferProfile, saveOfferProfile } from '@/lib/db/resources';
import { getDb } from '@/lib/db/schema';
import type { OfferProfile } from '@/lib/db/models';
import { canJudgeFit, linesToList, listToLines } from '@/lib/resources/offer';
import { ErrorText, StateMessage } from '../panel/ui';
import './options.css';

/** The rep's offer profile: who they are, what they do and don't offer, whom they serve. Every field is optional. */
export function OfferProfileForm() {
  const stored = useLiveQuery(() => getOfferProfile(getDb()), []);
  if (!stored) return <StateMessage kind="loading" title="Loading your offer profile…" />;
  return (
    <div className="section" data-testid="offer-profile">
      {!canJudgeFit(stored) && (
        <div data-testid="offer-empty">
          <StateMessage kind="info" title="Optional: everything works without it">
            <p>
              Until you say what you offer and what you don't, each inquiry's fit shows as “unknown”, and the suggested replies
              still help first. Fill it in when you have a minute: it is what lets Resourceful tell a lead it can serve from one
              to point elsewhere.
            </p>
          </StateMessage>
        </div>
      )}
      <ProfileFields stored={stored} />
    </div>
  );
}

function ProfileFields({ stored }: { stored: OfferProfile }) {
  // The form keeps its own text while typing; list fields are edited as one item per line.
  const [name, setName] = useState(stored.name);
  const [signOff, setSignOff] = useState(stored.signOff);
  const [company, setCompany] = useState(stored.company);
  const [offers, setOffers] = useState(listToLines(stored.offers));
  const [doesNotOffer, setDoesNotOffer] = useState(listToLines(stored.doesNotOffer));
  const [serves, setServes] = useState(stored.serves);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<unknown>(null);
  const signOffHint = useId();

  // Any edit clears "Saved." so the status never claims unsaved text is stored.
  const on = (set: (v: string) => void) => (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    set(e.target.value);
    setStatus('idle');
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (status === 'saving') return;
    setStatus('saving');
    try {
      const saved = await saveOfferProfile(getDb(), { name, signOff, company, offers: linesToList(offers), doesNotOffer: linesToList(doesNotOffer), serves });
      // Show what was stored (trimmed, blank lines and repeats dropped), so the form never disagrees with the data.
      setName(saved.name);
      setSignOff(saved.signOff);
      setCompany(saved.company);
      setOffers(listToLines(saved.offers));
      setDoesNotOffer(listToLines(saved.doesNotOffer));
      setServes(saved.serves);
      setError(null);
      setStatus('saved');
    } catch (err) {
      setError(err);
      setStatus('idle');
    }
  };

  // The labels are the first-run card's (components/panel/Onboarding.tsx) word for word, in the rep's "you": it is their offer.
  return (
    <form className="form opt-form" onSubmit={submit} aria-label="Offer profile">
      <div className="opt-grid">
        <label className="field">
          <span>Your name (for sign-offs)</span>
          <input value={name} onChange={on(setName)} maxLength={200} autoComplete="name" placeholder="Alex Rivera" />
        </label>
        <label className="field">
          <span>Company</span>
          <input value={company} onChange={on(setCompany)} maxLength={200} autoComplete="organization" placeholder="Brightpath" />
        </label>
      </div>
      <label className="field">
        <span>Sign-off</span>
        <textarea value={signOff} onChange={on(setSignOff)} rows={2} maxLength={300} placeholder={'Best,\nAlex'} aria-describedby={signOffHint} />
      </label>
      <p id={signOffHint} className="muted small">
        Leave the sign-off empty and replies end with your name.
      </p>
      <label className="field">
        <span>What you offer (one per line)</span>
        <textarea value={offers} onChange={on(setOffers)} rows={4} placeholder={'CRM implementation for small teams\nSales training'} />
      </label>
      <label className="field">
        <span>What you don't offer (one per line)</span>
        <textarea value={doesNotOffer} onChange={on(setDoesNotOffer)} rows={3} placeholder={'Web design\nPaid ads management'} />
      </label>
      <label className="field">
        <span>Who you serve</span>
        <textarea value={serves} onChange={on(setServes)} rows={2} maxLength={1000} placeholder="B2B teams of 5–50 people in Europe, SaaS and professional services" />
      </label>
      <ErrorText error={error} />
      <div className="row">
        {/* aria-disabled while saving, not disabled: the button keeps the focus it was pressed with. */}
        <button type="submit" className="btn btn-primary" aria-disabled={status === 'saving' || undefined}>
          Save offer profile
        </button>
        <span className="opt-status" role="status" data-testid="offer-status">
          {status === 'saved' ? 'Saved.' : ''}
        </span>
      </div>
    </form>
  );
}
