/**
 * Words that name a team or a mailbox, not a person ("Sales Team", "Support", "The Acme Team", "Kundenservice"): a
 * greeting built from them ("Hi Sales,") reads like a mail merge gone wrong.
 */
const ROLE_WORDS = new Set([
  'sales', 'support', 'team', 'info', 'admin', 'billing', 'accounts', 'accounting', 'marketing', 'hr', 'office',
  'hello', 'contact', 'service', 'services', 'help', 'helpdesk', 'noreply', 'no-reply', 'newsletter', 'customer',
  'orders', 'bookings', 'reservations', 'enquiries', 'inquiries', 'jobs', 'careers', 'press', 'media', 'finance',
  'legal', 'operations', 'ops', 'reception', 'the', 'vertrieb', 'kundenservice', 'ventas', 'soporte', 'équipe',
  'equipe', 'service-client', 'events', 'partnerships', 'partners', 'recruiting', 'talent', 'procurement', 'purchasing',
  'payables', 'receivables', 'einkauf', 'buchhaltung', 'compras',
]);

/** Whether a word of a display name names a team or a mailbox rather than a person. */
export function isRoleWord(word: string): boolean {
  const w = word.normalize('NFC').toLowerCase().replace(/[.,;:!?()]+$/g, '');
  // "Messe-Team", "Sales-Team", "Support-Team": German and Dutch team mailboxes hyphenate the word.
  return ROLE_WORDS.has(w) || /^\p{L}+-(team|teams|abteilung)$/u.test(w);
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

/** Titles written before a name ("Dr.", "Mme", "Herr"): never the name to greet. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'mx', 'miss', 'dr', 'prof', 'herr', 'frau', 'sr', 'sra', 'srta', 'm', 'mme', 'mlle', 'dott', 'ing']);

/** Degrees and suffixes written after a comma ("Dana Whitfield, PhD"): not the given name of "Last, First". */
const NAME_SUFFIXES = new Set([
  'jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'dphil', 'md', 'do', 'dds', 'jd', 'llm', 'mba', 'msc', 'bsc', 'ma', 'ba', 'meng',
  'mph', 'cpa', 'cfa', 'pmp', 'esq', 'rn', 'pe',
]);
const TRAILING_PUNCTUATION = /[.,;:!?()]+$/g;
const ACRONYM = /^[A-Z]{2,5}$/;

function isNameSuffix(word: string): boolean {
  const w = word.replace(TRAILING_PUNCTUATION, '');
  return ACRONYM.test(w) || NAME_SUFFIXES.has(w.toLowerCase().replace(/\./g, ''));
}

/**
 * The words of a display name in greeting order, for the caller's own first-word rule: "Whitfield, Dana" turned
 * round (but not "Dana Whitfield, PhD"), trailing punctuation dropped, leading titles skipped ("Dr. Dana Smith"
 * greets Dana, not "Dr"); none for a title and a family name alone ("Dr. Whitfield", "Mme Aubert").
 */
export function greetingWords(name: string): string[] {
  let n = name.trim();
  // "Last, First": what follows the comma is the given name, unless it is only degrees and suffixes.
  let givenOnly = false;
  const comma = n.indexOf(',');
  if (comma >= 0) {
    const before = n.slice(0, comma).trim();
    const after = n.slice(comma + 1).split(',')[0]!.trim();
    const afterWords = after.split(/\s+/).filter(Boolean);
    givenOnly = afterWords.length > 0 && !afterWords.every(isNameSuffix);
    n = givenOnly ? after : before;
  }
  const words = n.split(/\s+/).map((w) => w.replace(TRAILING_PUNCTUATION, '')).filter(Boolean);
  let i = 0;
  while (i < words.length && HONORIFICS.has(words[i]!.toLowerCase().replace(/\./g, ''))) i++;
  // "Dr. Whitfield": after a title, a lone word is the family name ("Hi Whitfield," is wrong). A name written family
  // name first ("Dr. 王小明") is greeted whole anyway.
  if (i > 0 && !givenOnly && words.length - i === 1 && familyNameFirstGreeting(words[i]!, undefined) === null) return [];
  return words.slice(i);
}
