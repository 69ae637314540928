/** Decomposed form: how some keyboards and pasted text deliver accents and marks. */
export const nfd = (s: string): string => s.normalize('NFD');

/**
 * Full names in many scripts and the greeting both reply writers (the studio's drafts, the follow-up planner) must
 * open with: [what it shows, the name, the greeting].
 */
export const NAMES_IN_EVERY_SCRIPT: readonly [string, string, string][] = [
  ['Devanagari (vowel signs are marks)', 'अमित शर्मा', 'Hi अमित,'],
  ['Thai (tone marks are marks)', 'ประยุทธ์ จันทร์', 'Hi ประยุทธ์,'],
  ['Arabic (no capitals)', 'أحمد علي', 'Hi أحمد,'],
  ['Arabic typed decomposed', nfd('أحمد علي'), 'Hi أحمد,'],
  ['Latin typed decomposed, greeted composed', nfd('José Müller'), 'Hi José,'],
  ['titlecase digraph', 'ǅemal Bijedić', 'Hi ǅemal,'],
  ['Chinese, no space: the whole name', '王小明', 'Hi 王小明,'],
  ['Chinese, family name spaced off: family and given name', '王 小明', 'Hi 王 小明,'],
  ['Japanese', '山田 太郎', 'Hi 山田 太郎,'],
  ['Korean', '김민준', 'Hi 김민준,'],
  ['Chinese name with a romanisation after it', '王小明 (Wang Xiaoming)', 'Hi 王小明,'],
];

/** Display names both reply writers greet without a name ("Hi there," / "Hi,"): [what it shows, the name]. */
export const NOT_A_PERSON: readonly [string, string][] = [
  ['an emoji', '😀 Dana'],
  ['a lone family name character', '王'],
  ['Han characters with digits', '王2'],
  ['an emoji after Han characters', '王小明😀'],
  ['a team ("Sales Team")', 'Sales Team'],
  ['a mailbox ("Support")', 'Support'],
  ['"The Acme Team"', 'The Acme Team'],
  ['a German team mailbox', 'Kundenservice Acme'],
  ['a combining mark with no letter before it', '\u0301Dana'],
];
