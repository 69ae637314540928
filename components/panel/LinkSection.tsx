import { useMutation } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { nameTokens } from '@/lib/contacts/identity';
import { linkProfile, suggestLinks, type LinkSuggestion } from '@/lib/db/contacts';
import type { Contact } from '@/lib/db/models';
import { getDb } from '@/lib/db/schema';
import type { LinkedInProfile } from '@/lib/linkedin/types';
import { cancelPersonFocus, focusPersonWhenShown } from './ContactView';
import { ErrorText, Section } from './ui';

/**
 * "Is this someone you already know?": suggests saved contacts for a LinkedIn profile (by name, helped by company)
 * and lets the rep pick any contact by name. Linking merges the two without losing anything.
 */
export function LinkSection({
  profile,
  onLinked,
  first = false,
  suggestions: given,
}: {
  profile: LinkedInProfile;
  onLinked?: (c: Contact) => void;
  first?: boolean;
  /** The suggestions, when the caller already reads them (one query instead of two). */
  suggestions?: LinkSuggestion[];
}) {
  const own = useLinkSuggestions(given === undefined ? profile : null);
  const suggestions = given ?? own;
  const [query, setQuery] = useState('');
  const matches = useLiveQuery(async () => {
    const first = nameTokens(query)[0];
    if (!first) return [];
    const found = await getDb().contacts.where('nameTokens').startsWith(first).limit(20).toArray();
    return found.filter((c) => !c.linkedinSlugs.includes(profile.slug));
  }, [query, profile.slug]);
  const link = useMutation({
    mutationFn: (contactId: string) => linkProfile(getDb(), contactId, profile, Date.now()),
    // The linked contact's view replaces this section and the button that has focus: its name takes focus.
    onMutate: () => focusPersonWhenShown((p) => p.id !== null && p.slugs.includes(profile.slug)),
    onSuccess: (c) => onLinked?.(c),
    onError: () => cancelPersonFocus(),
  });

  const row = (c: Contact, why?: string, best = false) => (
    <li key={c.id} className="link-row" data-testid="link-suggestion">
      <div>
        <strong>{c.name}</strong>
        <span className="muted">
          {' '}
          {[c.emails[0], c.company].filter(Boolean).join(' · ')}
        </span>
        {why && <div className="muted small">{why}</div>}
      </div>
      {/* aria-disabled while linking, not disabled: the button has focus, and a disabled one drops it. */}
      <button
        type="button"
        className={best ? 'btn btn-small btn-primary' : 'btn btn-small'}
        aria-disabled={link.isPending || undefined}
        onClick={() => !link.isPending && link.mutate(c.id)}
        data-testid={best ? 'link-best' : undefined}
      >
        {best ? 'Link to this contact' : 'Link'}
      </button>
    </li>
  );

  return (
    <Section title={first ? 'Is this someone you already saved?' : 'Same person as a saved contact?'} testId="link">
      {suggestions && suggestions.length > 0 ? (
        <ul className="link-list">{suggestions.map((s, i) => row(s.contact, s.reasons.join(', '), first && i === 0))}</ul>
      ) : (
        <p className="muted">No saved contact looks like {profile.name}.</p>
      )}
      <label className="field">
        <span>Link to another contact</span>
        <input type="search" value={query} placeholder="Search contacts by name" onChange={(e) => setQuery(e.target.value)} />
      </label>
      {matches && matches.length > 0 && <ul className="link-list">{matches.map((c) => row(c))}</ul>}
      <ErrorText error={link.error} />
    </Section>
  );
}

/** Saved contacts that look like the person on this profile, best first (live); none asked for when `profile` is null. */
export function useLinkSuggestions(profile: LinkedInProfile | null): LinkSuggestion[] | undefined {
  return useLiveQuery(async () => (profile ? suggestLinks(getDb(), profile) : undefined), [profile?.slug, profile?.name, profile?.company]);
}
