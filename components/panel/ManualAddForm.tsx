import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { companyFromEmail } from '@/lib/contacts/identity';
import { saveTyped } from '@/lib/db/contacts';
import { getDb } from '@/lib/db/schema';
import { normalizeEmail } from '@/lib/text';
import { ErrorText } from './ui';
import { handEnteredProfile } from '@/lib/contacts/manual';

/** Adds a contact by hand: the way out when a page cannot be read, or for someone met elsewhere. */
export function ManualAddForm({ onSaved, initialOpen = false, pageUrl }: { onSaved?: (id: string) => void; initialOpen?: boolean; pageUrl?: string | null }) {
  const [open, setOpen] = useState(initialOpen);
  const [form, setForm] = useState({ name: '', email: '', company: '' });
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
      onSaved?.(c.id);
    },
  });
  if (!open) {
    return (
      <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="manual-add-open">
        Add a contact by hand
      </button>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if ((form.name.trim() || email) && !emailInvalid) save.mutate();
  };
  return (
    <form className="card form" onSubmit={submit} data-testid="manual-add">
      <label className="field">
        <span>Name</span>
        <input value={form.name} autoFocus onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))} />
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
        <button type="submit" className="btn btn-primary" disabled={save.isPending || emailInvalid || !(form.name.trim() || email)}>
          Save contact
        </button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      <ErrorText error={save.error} />
    </form>
  );
}
