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
