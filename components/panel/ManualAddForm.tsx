import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { companyFromEmail } from '@/lib/contacts/identity';
import { saveTyped } from '@/lib/db/contacts';
import { getDb } from '@/lib/db/schema';
import { normalizeEmail } from '@/lib/text';
import { cancelOnEscape, focusSoon } from '../a11y';
import { focusPersonWhenShown } from './ContactView';
import { ErrorText } from './ui';
import { handEnteredProfile } from '@/lib/contacts/manual';

/** Adds a contact by hand: the way out when a page cannot be read, or for someone met elsewhere. */
export function ManualAddForm({ onSaved, initialOpen = false, pageUrl }: { onSaved?: (id: string) => void; initialOpen?: boolean; pageUrl?: string | null }) {
  const [open, setOpen] = useState(initialOpen);
  const [form, setForm] = useState({ name: '', email: '', company: '' });
  const openButton = useRef<HTMLButtonElement>(null);
  const nameField = useRef<HTMLInputElement>(null);
  const email = normalizeEmail(form.email);
  const profile = handEnteredProfile(pageUrl, form.name.trim(), null);
  const emailInvalid = form.email.trim() !== '' && !email;
  const save = useMutation({
    mutationFn: () => {
      const company = form.company.trim() || (email ? companyFromEmail(email) : null);
      return saveTyped(
        getDb(),
        {
          source: 'manual',
          name: form.name.trim() || email || '',
          email,
          company,
          companySource: form.company.trim() ? 'manual' : company ? 'email_domain' : null,
          title: null,
          location: null,
          // On a profile page the reader could not read: the page's profile, so the next visit finds this contact.
          linkedin: handEnteredProfile(pageUrl, form.name.trim() || email || '', form.company.trim() || null),
          subject: null,
          lastWroteAt: null,
          lastWroteRaw: null,
        },
        Date.now(),
      );
    },
    onSuccess: (c) => {
      setForm({ name: '', email: '', company: '' });
      setOpen(false);
      // The saved contact opens in place of this form (and the button that has focus): its name takes focus.
      focusPersonWhenShown((p) => p.id === c.id);
      onSaved?.(c.id);
    },
  });
  const openForm = () => {
    setOpen(true);
    // The button that had focus gives way to the form: its first field takes focus (autoFocus alone left it to the
    // mount; this does not depend on when that happens).
    focusSoon(() => nameField.current);
  };
  const cancel = () => {
    setOpen(false);
    focusSoon(() => openButton.current);
  };
  if (!open) {
    return (
      <button ref={openButton} type="button" className="btn" onClick={openForm} data-testid="manual-add-open">
        Add a contact by hand
      </button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if ((form.name.trim() || email) && !emailInvalid && !save.isPending) save.mutate();
  };
  return (
    <form className="card form" onSubmit={submit} onKeyDown={cancelOnEscape(cancel)} data-testid="manual-add">
      <label className="field">
        <span>Name</span>
        <input ref={nameField} value={form.name} autoFocus onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))} />
      </label>
      <label className="field">
        <span>Email</span>
        <input type="email" value={form.email} aria-invalid={emailInvalid} onChange={(e) => setForm((f) => ({ ...f, email: e.target.value }))} />
      </label>
      {emailInvalid && <p className="error">That doesn't look like an email address.</p>}
      <label className="field">
        <span>Company</span>
        <input value={form.company} onChange={(e) => setForm((f) => ({ ...f, company: e.target.value }))} />
      </label>
      {profile && (
        <p className="muted small" data-testid="manual-profile">
          LinkedIn profile: {profile.url.replace(/^https:\/\/www\./, '')} (will be linked)
        </p>
      )}
      <div className="row">
        {/* aria-disabled while saving, not disabled: the button has focus, and a disabled one drops it. */}
        <button type="submit" className="btn btn-primary" disabled={emailInvalid || !(form.name.trim() || email)} aria-disabled={save.isPending || undefined}>
          Save contact
        </button>
        <button type="button" className="btn" onClick={cancel}>
          Cancel
        </button>
      </div>
      <ErrorText error={save.error} />
    </form>
  );
}
