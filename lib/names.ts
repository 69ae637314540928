/**
 * Words that name a team or a mailbox, not a person ("Sales Team", "Support", "The Acme Team", "Kundenservice"): a
 * greeting built from them ("Hi Sales,") reads like a mail merge gone wrong.
 */
const ROLE_WORDS = new Set([
  'sales', 'support', 'team', 'info', 'admin', 'billing', 'accounts', 'accounting', 'marketing', 'hr', 'office',
  'hello', 'contact', 'service', 'services', 'help', 'helpdesk', 'noreply', 'no-reply', 'newsletter', 'customer',
  'orders', 'bookings', 'reservations', 'enquiries', 'inquiries', 'jobs', 'careers', 'press', 'media', 'finance',
  'legal', 'operations', 'ops', 'reception', 'the', 'vertrieb', 'kundenservice', 'ventas', 'soporte', 'équipe',
  'equipe', 'service-client',
]);

/** Whether a word of a display name names a team or a mailbox rather than a person. */
export function isRoleWord(word: string): boolean {
  return ROLE_WORDS.has(word.normalize('NFC').toLowerCase().replace(/[.,;:!?()]+$/g, ''));
}

// Chinese, Japanese and Korean names put the family name first, often without a space ("王小明"), and nothing marks
// where the given name starts; greeting the first word would greet the family name, so the name is kept as written.
const FAMILY_NAME_FIRST = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
const LETTERS = /^[\p{L}\p{M}]{1,40}$/u;

/**
 * The name to greet when `word` starts a family-name-first name (Han, kana, Hangul): it and the next word if that is
 * in those scripts too ("王 小明"), as written; '' when they are no name (digits, emoji, or a lone "王", a family name
 * alone). Null when `word` is not in those scripts: the caller's own first-name rule applies.
 */
export function familyNameFirstGreeting(word: string, next: string | undefined): string | null {
  if (!FAMILY_NAME_FIRST.test(word)) return null;
  const words = next && FAMILY_NAME_FIRST.test(next) ? [word, next] : [word];
  return words.every((w) => LETTERS.test(w)) && words.join('').length >= 2 ? words.join(' ') : '';
}
