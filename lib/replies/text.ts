/**
 * Text plumbing for triage: folding, quoted-history stripping, tokens and a cheap language guess.
 * Everything here is deterministic and linear in the input, because it runs on every opened thread.
 */

/** Longest body we look at: inquiries worth triaging are short, and this bounds the cost of hostile input. */
export const MAX_BODY = 12_000;

/**
 * Lower-case, strip accents (so "für"/"fur" and "implementación"/"implementacion" match the same rule), unify quotes.
 * Keeps line breaks so quoted-history detection still works on the result.
 */
export function fold(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/[’‘´`]/g, "'")
    .replace(/[“”«»„]/g, '"')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/g, '');
}

// Reply headers in the four languages we triage. Gmail wraps long ones, so we also test a line joined with the next.
const REPLY_HEADER = [
  /^on\b.{0,200}\bwrote\s*:?\s*$/i,
  /^am\b.{0,200}\bschrieb\b.{0,200}:\s*$/i,
  /^el\b.{0,200}\bescribi[oó]\s*:?\s*$/i,
  /^le\b.{0,200}\ba [ée]crit\s*:?\s*$/i,
];
const ORIGINAL_MESSAGE = /^-{2,}\s*(original message|urspr[üu]ngliche nachricht|mensaje original|message d'origine|forwarded message)/i;
const OUTLOOK_FROM = /^\s*\*?(from|von|de)\s?:\*?\s+\S/i;
const OUTLOOK_NEXT = /^\s*\*?(sent|gesendet|enviado|envoy[ée]|date|datum|fecha|to|an|para|[àa])\s?:/i;
const MOBILE_FOOTER = /^(sent from my|sent from outlook|get outlook for|von meinem .{1,40} gesendet|enviado desde mi|envoy[ée] de mon)/i;
// "-- " is the standard delimiter; many clients trim the space, so a bare "--" line counts too.
const SIGNATURE_DELIMITER = /^--$/;
const OUTLOOK_RULE = /^_{10,}\s*$/;

/**
 * The sender's own new text: drops "> quoted" lines and cuts at the first reply header ("On … wrote:", "Am … schrieb",
 * "El … escribió", "Le … a écrit"), an "Original message" block, an Outlook header, a mobile footer, or a "-- " signature.
 */
export function stripQuoted(body: string): string {
  const lines = body.slice(0, MAX_BODY).replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = raw.trim();
    if (SIGNATURE_DELIMITER.test(raw.trim())) break;
    if (ORIGINAL_MESSAGE.test(line) || OUTLOOK_RULE.test(line) || MOBILE_FOOTER.test(line)) break;
    if (line.startsWith('>')) continue;
    const next = (lines[i + 1] ?? '').trim();
    if (REPLY_HEADER.some((re) => re.test(line) || (line.length < 200 && re.test(`${line} ${next}`)))) break;
    if (OUTLOOK_FROM.test(line) && [lines[i + 1], lines[i + 2], lines[i + 3]].some((l) => l !== undefined && OUTLOOK_NEXT.test(l))) break;
    kept.push(raw);
  }
  return kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

// Tiny stop-word lists: only words that are frequent in one language and rare in the others ("la", "de", "que" are shared, so left out).
const STOP: Record<'en' | 'de' | 'es' | 'fr', readonly string[]> = {
  en: ['need', 'thx', 'pls', 'the', 'and', 'to', 'of', 'you', 'we', 'is', 'for', 'our', 'are', 'it', 'with', 'have', 'that', 'this', 'be', 'can', 'would', 'your', 'i', 'my', 'me', 'us', 'not', 'on', 'thanks', 'hi', 'hello', 'please', 'from', 'will', 'do', 'how', 'what', 'if', 'at', 'or', 'but', 'just', 'about', 'any', 'was', 'were', 'been', 'they', 'there', 'which', 'who', 'an', 'by', 'hey', 'regards', 'best', "i'm", "we're", "it's", 'dear'],
  de: ['und', 'der', 'die', 'das', 'ich', 'wir', 'sie', 'nicht', 'ist', 'mit', 'fur', 'ein', 'eine', 'einen', 'zu', 'auf', 'den', 'dem', 'uns', 'unser', 'unsere', 'haben', 'hallo', 'danke', 'grusse', 'gruss', 'bitte', 'ihre', 'ihr', 'ihnen', 'auch', 'noch', 'wie', 'sehr', 'wenn', 'oder', 'aber', 'bei', 'von', 'sind', 'wird', 'konnen', 'mochten', 'hatten', 'sich', 'es', 'du', 'dir', 'dich', 'leider', 'vielen', 'guten', 'herr', 'frau', 'liebe', 'lieber', 'freundlichen'],
  es: ['el', 'los', 'las', 'y', 'por', 'para', 'con', 'es', 'hola', 'gracias', 'nuestro', 'nuestra', 'nuestros', 'estamos', 'somos', 'podrias', 'saludos', 'muy', 'mi', 'su', 'del', 'al', 'lo', 'una', 'pero', 'como', 'esta', 'este', 'tenemos', 'queremos', 'necesitamos', 'hemos', 'usted', 'te', 'nos', 'me', 'se', 'si', 'ya', 'todavia', 'saludo', 'atentamente', 'estoy', 'soy', 'cuanto', 'tu', 'mas'],
  fr: ['le', 'les', 'des', 'du', 'et', 'est', 'une', 'pour', 'avec', 'nous', 'vous', 'je', 'pas', 'sur', 'dans', 'bonjour', 'merci', 'cordialement', 'notre', 'votre', 'vos', 'nos', 'ce', 'cette', 'qui', 'au', 'aux', 'mais', 'ou', 'avons', 'sommes', 'etes', 'suis', 'serait', 'pourriez', 'il', 'elle', 'ils', 'tres', 'bien', 'avez', "j'ai", "c'est", "n'ai", 'madame', 'monsieur'],
};
const STOP_SETS = Object.fromEntries(Object.entries(STOP).map(([k, v]) => [k, new Set(v)])) as Record<keyof typeof STOP, Set<string>>;

/** Words of folded text (letters, digits, apostrophes and inner hyphens), without punctuation. */
export function words(folded: string): string[] {
  return folded.match(/[a-z0-9]+(?:['-][a-z0-9]+)*/g) ?? [];
}

/**
 * Language by stop-word counts. Needs two hits and a clear lead over the runner-up; otherwise "other", because
 * a wrong guess is worse than none when the rep decides which language to answer in.
 */
export function detectLanguage(folded: string): 'en' | 'de' | 'es' | 'fr' | 'other' {
  const counts = { en: 0, de: 0, es: 0, fr: 0 };
  for (const w of words(folded.slice(0, 4000))) {
    for (const lang of ['en', 'de', 'es', 'fr'] as const) if (STOP_SETS[lang].has(w)) counts[lang]++;
  }
  const ranked = (Object.entries(counts) as [keyof typeof counts, number][]).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] === 0) return 'other';
  // One hit is enough for a very short note ("need a quote for hubspot, thx") when no other language competes.
  if (first[1] < 2 && (second?.[1] ?? 0) > 0) return 'other';
  if (second && first[1] < second[1] * 1.5 + 1) return 'other';
  return first[0];
}

// Function words that carry no topic; used when matching offer items by tokens and when building search queries.
const CONTENT_STOP = new Set([
  ...STOP.en, ...STOP.de, ...STOP.es, ...STOP.fr,
  'a', 'in', 'as', 'so', 'no', 'yes', 'all', 'some', 'more', 'most', 'other', 'than', 'then', 'them', 'their', 'its',
  'also', 'very', 'really', 'could', 'should', 'get', 'got', 'need', 'needs', 'want', 'like', 'looking', 'look', 'help',
  'know', 'let', 'make', 'send', 'thank', 'thanks', 'team', 'teams', 'company', 'companies', 'business', 'small', 'our',
  'service', 'services', 'people', 'someone', 'something', 'anything', 'question', 'questions', 'b2b', 'de', 'la', 'que',
  'en', 'un', 'setup', 'set', 'up', 'new', 'good', 'great', 'one', 'two', 'time', 'year', 'month', 'week', 'day',
  're', 'fw', 'fwd', 'aw', 'wg', 'rv', 'tr', 'hi', 'alex',
]);

/** Light English stemmer (plural, -ing, -ed, -ation): enough for "designing"/"design", "migrations"/"migration". */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith('ation')) w = w.slice(0, -5);
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  return w;
}

/** Topic-bearing stems of folded text: stop words and one-letter tokens removed. */
export function contentStems(folded: string): string[] {
  return words(folded)
    .filter((w) => w.length > 1 && !CONTENT_STOP.has(w) && !/^\d+$/.test(w))
    .map(stem);
}

/** Collapse spaces inside lines, trim line ends and cap blank lines: suggestion text must never hold double spaces. */
export function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
