/**
 * The trust check's phrase rules: each one is a small list of patterns with one reason ("why it hurts trust")
 * and one better direction. Patterns are plain regex sources, matched case-insensitively with Unicode word
 * boundaries; they avoid nested quantifiers and unbounded gaps so matching stays linear. All regexes are built
 * once, when this module loads.
 */
import type { TrustFindingKind } from './types';
import { clauseAround, sentenceAround, type ReaderAsks } from './context';
import { warmable } from '../warm';

/** What a guard sees: the prepared text and what the reader asked for. */
export interface RuleContext {
  text: string;
  asks: ReaderAsks;
}

/** A phrase rule as written. */
export interface PhraseRuleSpec {
  /** Stable id, e.g. "check-in"; useful in tests and when explaining a finding. */
  id: string;
  kind: TrustFindingKind;
  /** Why it hurts trust, one sentence. */
  message: string;
  /** A better direction, one sentence. */
  hint: string;
  /** Regex sources (no flags, no outer word boundaries: those are added). */
  patterns: readonly string[];
  /** False for phrases whose negation is still the problem; default true ("I can't guarantee" is fine). */
  negatable?: boolean;
  /** Extra context check on a match in prepared text; false drops it. */
  guard?: (ctx: RuleContext, start: number, end: number) => boolean;
}

/** A phrase rule with its compiled regex. */
export interface PhraseRule extends PhraseRuleSpec {
  re: RegExp;
}

const WEEKDAY = String.raw`(?:mon|tues|wednes|thurs|fri|satur|sun)day`;

// ---------- guards ----------

// A deadline is the seller's when the clause asks the reader to act (sign, decide, confirm…) or ties it to an offer.
const READER_ACTION =
  warmable('trust', /(?<![\p{L}])(?:sign(?:ed|ing|ature)?|decide|decision|commit(?:ment)?|confirm(?:ation)?|approv(?:e|al)|go-ahead|green\s+light|purchase\s+order|po|pay(?:ment)?|deposit|lock\s+in|secure|respond|reply|(?:your|an)\s+answer|get\s+back\s+to\s+(?:me|us)|let\s+(?:me|us)\s+know|hear\s+(?:back|from\s+you)|move\s+forward|proceed|close|buy|order|offer|discount|deal|price|pricing|slot|spot)(?![\p{L}])/iu);
// …and not when the rep is committing to do something by then ("I'll send the export by Friday", "I'll check with
// engineering and get back to you by Friday"). "We'll need your signature by Friday" is not a commitment: it is an
// ask; nor is "if we can get the order in by Friday".
const SELLER_COMMIT =
  warmable('trust', /(?<![\p{L}])(?<!(?:if|when|unless|once)\s+)(?:(?:i'll|i\s+will|we'll|we\s+will|i\s+can|we\s+can|i'm\s+going\s+to|we're\s+going\s+to|let\s+me)\s+(?:(?:also|then|still|definitely|just|try\s+to)\s+)?(?!need|require|have\s+to|must|ask|expect|want|hold|release|lose|cancel|close|only|give\s+you\s+until|be\s+(?:able|forced|unable))\p{L}|get\s+back\s+to\s+you|you'll\s+(?:have|get|receive|hear)|you\s+will\s+(?:have|get|receive|hear))/iu);

function sellerDeadline(ctx: RuleContext, start: number, end: number): boolean {
  const [cs, ce] = clauseAround(ctx.text, start, end);
  const clause = ctx.text.slice(cs, ce);
  return READER_ACTION.test(clause) && !SELLER_COMMIT.test(clause);
}

// Praise of a third party ("she's world-class") is an introduction, not self-focus.
const THIRD_PARTY = warmable('trust', /(?<![\p{L}])(?:she|he|they|his|her|hers|their|theirs|she's|he's|they're|them)(?![\p{L}])/iu);
const SELF = warmable('trust', /(?<![\p{L}])(?:we're|we've|we|our|ours|us|i'm|i've|i|my)(?![\p{L}'])/iu);

function notThirdPartyPraise(ctx: RuleContext, start: number, end: number): boolean {
  const [ss, se] = sentenceAround(ctx.text, start, end);
  const sentence = ctx.text.slice(ss, se);
  return !(THIRD_PARTY.test(sentence) && !SELF.test(sentence));
}

// "We helped a client increase renewals by 20%" is a success story (seed 003 asks for those), not a promise.
const PAST_RESULT = warmable('trust', /(?<![\p{L}])(?:helped|helping|managed|was\s+able|were\s+able|used\s+(?:it|this|us)|last\s+(?:year|quarter|month)|in\s+20\d\d)(?![\p{L}])/iu);

function notPastResult(ctx: RuleContext, start: number, end: number): boolean {
  const [cs] = clauseAround(ctx.text, start, end);
  return !PAST_RESULT.test(ctx.text.slice(Math.max(cs, start - 80), start));
}

const notIfReaderAskedMeeting = (ctx: RuleContext): boolean => !ctx.asks.meeting;
const notIfReaderAskedDecision = (ctx: RuleContext): boolean => !ctx.asks.decision;

// ---------- rules ----------

const SPECS: readonly PhraseRuleSpec[] = [
  // ----- check_in -----
  {
    id: 'check-in',
    kind: 'check_in',
    message: 'A content-free check-in asks for their attention and gives them nothing new.',
    hint: 'Lead with a reason to write: a relevant article, a customer story, an introduction, or an answer to something they raised.',
    patterns: [
      String.raw`just\s+(?:checking|check)\s+in`,
      String.raw`(?:wanted|want|going|quick\s+note)\s+to\s+check\s+in`,
      String.raw`checking\s+in\s+(?:to\s+see|on|about|with\s+you|again|once\s+more|here|quickly|real\s+quick)`,
      String.raw`checking\s+in(?=\s*[,.!\u2014\u2013-])`,
      String.raw`(?:touch(?:ing)?|touched)\s+base`,
      String.raw`circl(?:e|ing)\s+back`,
      String.raw`bump(?:ing)?\s+(?:this|my\s+(?:last\s+)?(?:email|message|note))(?:\s+(?:up|to\s+the\s+top)(?:\s+of\s+your\s+inbox)?)?`,
      String.raw`(?:floating|bringing|moving|pushing|putting)\s+this\s+(?:back\s+)?(?:up|to\s+the\s+top)(?:\s+of\s+your\s+inbox)?`,
      String.raw`(?:in\s+case\s+(?:it|this|my\s+(?:email|message|note))\s+)?(?:slipped|fell)\s+through\s+the\s+cracks`,
      String.raw`resurfac(?:e|ing)\s+(?:this|my\s+(?:last\s+)?(?:email|message|note))`,
      String.raw`ping(?:ing)?\s+you\s+(?:again|on\s+this)`,
      String.raw`(?:just\s+a\s+|a\s+)?(?:friendly|gentle)\s+(?:reminder|nudge|follow-?up)`,
    ],
  },
  {
    id: 'follow-up-without-reason',
    kind: 'check_in',
    message: 'Following up on your own earlier email puts your timeline ahead of theirs and adds nothing new.',
    hint: 'Only write again with something useful for them; if there is nothing yet, wait until there is.',
    patterns: [
      String.raw`(?:just\s+)?follow(?:ing)?[\s-]up\s+on\s+my\s+(?:last|previous|earlier|prior)\s+(?:email|e-mail|message|note|voicemail|mail)`,
      String.raw`just\s+(?:wanted\s+to\s+)?follow(?:ing)?[\s-]up`,
      String.raw`following\s+up\s+(?:again|once\s+more|to\s+see|one\s+more\s+time)`,
      String.raw`(?:not\s+sure\s+if|in\s+case)\s+you\s+(?:saw|missed|got)\s+my\s+(?:last|previous|earlier)\s+(?:email|message|note)`,
      String.raw`in\s+case\s+(?:it|my\s+(?:email|message))\s+got\s+(?:buried|lost)`,
      String.raw`reaching\s+out\s+again`,
    ],
  },
  {
    id: 'status-poke',
    kind: 'check_in',
    message: 'Asking whether they have looked yet puts them on the spot to report to you and gives nothing in return.',
    hint: 'Add something that makes the next step easier for them, or ask a direct question about what has changed on their side.',
    patterns: [
      String.raw`any\s+(?:updates?|news|progress)(?:\s+(?:on|about|regarding|from\s+your\s+side|on\s+your\s+end)[^.?!\n]{0,40})?\s*\?`,
      String.raw`(?:wanted|want)\s+to\s+see\s+if\s+you(?:'ve|\s+have)?\s+(?:had|got)\s+(?:a\s+)?(?:chance|time|moment)`,
      String.raw`(?:see|know|check)\s+(?:if|whether)\s+you(?:'ve|\s+have)?\s+(?:had|got)\s+(?:a\s+)?(?:chance|time)\s+to`,
      String.raw`(?:did|have)\s+you\s+(?:had|have|get|got)\s+a\s+chance\s+to\s+(?:look|review|read|check|go\s+over|see|consider|think)`,
      String.raw`(?:did|have)\s+you\s+(?:get|got|receive|received|see|seen)\s+my\s+(?:last\s+|previous\s+|earlier\s+)?(?:email|message|proposal|note|voicemail)`,
    ],
  },
  {
    id: 'check-in-de-es-fr',
    kind: 'check_in',
    message: 'A content-free follow-up ("nachhaken", "solo quería saber", "je reviens vers vous") asks for attention without giving anything.',
    hint: 'Bring a reason to write: a resource, a relevant piece of news, an introduction, or an answer to their question.',
    patterns: [
      // German
      String.raw`(?:nur\s+|mal\s+|kurz\s+|noch\s?mal\s+)+nach(?:haken|fassen|fragen)`,
      String.raw`(?:wollte|möchte)\s+(?:(?:nur|mal|kurz|noch\s?mal|noch|einmal|gern|gerne|doch)\s+)*nach(?:haken|fassen)`,
      String.raw`gibt\s+es\s+(?:schon\s+)?(?:etwas\s+)?neues`,
      String.raw`(?:schon\s+)?(?:eine\s+)?rückmeldung\s*\?`,
      String.raw`melde\s+mich\s+(?:nur\s+)?(?:kurz\s+)?(?:noch\s?mal|erneut|wieder)`,
      // Spanish
      String.raw`(?:solo|sólo)\s+quer[ií]a\s+(?:saber|confirmar|ver)`,
      String.raw`(?:quer[ií]a|para)\s+dar(?:le|te)?\s+seguimiento`,
      String.raw`hago\s+seguimiento`,
      String.raw`(?:alguna|hay)\s+novedad(?:es)?(?:\s+(?:sobre|con|de)\s+[^.?!\n]{0,40})?\s*\?`,
      String.raw`(?:tuviste|tuvo|ha\s+tenido|has\s+tenido)\s+(?:la\s+)?oportunidad\s+de\s+(?:revisar|ver|leer)`,
      String.raw`(?:pudiste|pudo|has\s+podido|ha\s+podido)\s+(?:revisar|ver|leer|mirar)`,
      String.raw`konnten\s+sie\s+(?:(?:schon|bereits|mal)\s+)*(?:[\p{L}]+\s+){0,2}?(?:ansehen|anschauen|lesen|prüfen|durchsehen)`,
      String.raw`retomo\s+mi\s+(?:correo|mensaje)`,
      // French
      String.raw`je\s+me\s+permets\s+de\s+(?:revenir\s+vers\s+vous|vous\s+relancer)`,
      String.raw`je\s+reviens\s+(?:vers\s+vous\s+)?(?:pour|afin\s+de)\s+savoir`,
      String.raw`petite\s+relance`,
      String.raw`je\s+(?:voulais|souhaitais)\s+(?:juste|simplement)\s+savoir`,
      String.raw`avez-vous\s+(?:eu\s+le\s+temps|pu)\s+(?:de\s+)?(?:l[ae]\s+|les\s+|l')?(?:regarder|lire|consulter|voir)`,
      String.raw`des\s+nouvelles\s*\?`,
    ],
  },

  // ----- false_urgency -----
  {
    id: 'offer-expires',
    kind: 'false_urgency',
    message: 'A seller-set expiry pushes the reader onto your timeline, and customers rarely face real deadlines.',
    hint: 'Drop the expiry; if a date truly matters to them (their budget cycle, their launch), name their date, not yours.',
    patterns: [
      String.raw`(?:offer|deal|discount|promo(?:tion)?|special\s+(?:price|pricing|rate)|pricing|price|rate)\s+(?:expires?|ends?|runs\s+out|is\s+only\s+(?:valid|good|available)|(?:is\s+)?(?:only\s+)?(?:valid|good|available)\s+(?:only\s+)?(?:until|through|till|for\s+the\s+next))`,
      // Only the seller's offer expiring counts: "your reset link expires tomorrow" is a service note.
      String.raw`(?:this|it|quote|proposal)\s+expires?\s+(?:on\s+)?(?:today|tonight|tomorrow|this\s+(?:week|month|${WEEKDAY})|${WEEKDAY}|at\s+midnight|soon|end\s+of)`,
      // German, Spanish, French
      String.raw`angebot\s+gilt\s+(?:nur\s+)?(?:noch\s+)?bis`,
      String.raw`nur\s+noch\s+(?:heute|bis|diese\s+woche|wenige)`,
      String.raw`oferta\s+(?:es\s+)?(?:válida|valida|vigente)\s+(?:(?:solo|sólo)\s+)?hasta`,
      String.raw`(?:solo|sólo)\s+por\s+hoy`,
      String.raw`offre\s+(?:est\s+)?(?:valable|limitée)`,
    ],
  },
  {
    id: 'scarcity',
    kind: 'false_urgency',
    message: 'Scarcity claims ("only 3 spots left") are a classic pressure gimmick and read as manipulative.',
    hint: 'If capacity really is limited, say so plainly without a countdown and let them decide in their own time.',
    patterns: [
      String.raw`(?:only|just)\s+(?:have\s+|has\s+)?(?:\d+|a\s+(?:few|couple|handful)|one|two|three|four|five)\s+(?:(?:more\s+)?(?:spots?|seats?|slots?|places?|licen[cs]es?|openings?|units?)\s+)?(?:left|remaining|available|remain)`,
      String.raw`(?:spots?|seats?|slots?|places?|availability)\s+(?:are|is)\s+(?:limited|filling\s+up|going\s+fast|running\s+out)`,
      String.raw`selling\s+(?:out|fast)`,
      String.raw`while\s+(?:supplies|stocks?|spots|seats)\s+last`,
      // "For the first 50 customers" is a gimmick; "our first 10 customers were agencies" is history.
      String.raw`(?:for|to)\s+(?:the\s+)?first\s+\d+\s+(?:customers|clients|people|sign-?ups|buyers|companies)`,
      String.raw`first\s+\d+\s+(?:customers|clients|people|sign-?ups|buyers|companies)\s+(?:get|receive|save|only|who\s+(?:sign|buy|order|book))`,
      String.raw`(?:limited[\s-]time|one[\s-]time|exclusive)\s+(?:offer|deal|discount|pricing|price|promotion)`,
      String.raw`for\s+a\s+limited\s+time`,
      String.raw`limited\s+time\s+only`,
      String.raw`(?:today|this\s+week)\s+only`,
      // Spanish, French, German
      String.raw`(?:(?:solo|sólo)\s+quedan|quedan\s+(?:solo|sólo))\s+\d+`,
      String.raw`(?:il\s+ne\s+reste\s+(?:que|plus\s+que)|plus\s+que)\s+\d+\s+places`,
      String.raw`solange\s+der\s+vorrat\s+reicht`,
    ],
  },
  {
    id: 'act-now',
    kind: 'false_urgency',
    message: 'Urgency phrases like "act now" or "last chance" push the reader to decide on your clock, not theirs.',
    hint: 'Let them set the pace: offer what helps and make it easy to come back whenever it suits them.',
    patterns: [
      String.raw`act\s+(?:now|fast|quickly|today)`,
      String.raw`(?:the\s+)?(?:last|final)\s+chance`,
      String.raw`(?:final|last)\s+offer`,
      String.raw`(?:this|the|it|offer|deal|price|pricing|discount)\s+(?:won't|will\s+not)\s+last(?:\s+long)?`,
      String.raw`won't\s+last\s+long`,
      String.raw`don't\s+miss\s+out`,
      String.raw`don't\s+wait(?!\s+(?:on|for)\s+(?:me|us))`,
      String.raw`hurry(?:\s+up|\s+now|\s+before|\s*!)`,
      String.raw`time\s+is\s+running\s+out`,
      String.raw`now\s+or\s+never`,
      String.raw`buy\s+now\s+and\s+save`,
      String.raw`before\s+it's\s+too\s+late`,
      // German, Spanish, French
      String.raw`letzte\s+chance`,
      String.raw`última\s+oportunidad`,
      String.raw`dernière\s+chance`,
      String.raw`dépêchez-vous`,
      String.raw`ne\s+tardez\s+pas`,
    ],
  },
  {
    id: 'price-goes-up',
    kind: 'false_urgency',
    message: 'Warning that the price is about to rise is a seller deadline dressed up as a favour.',
    hint: 'Share pricing plainly; if a change is coming, state it as information with no ask attached.',
    patterns: [
      // "The price goes up as you add seats" explains pricing; it is not a countdown.
      String.raw`(?:price|prices|pricing|rates?)\s+(?:goes|go|is\s+going|are\s+going|will\s+go|going)\s+up(?!\s+(?:as|when|if|with|for\s+each|per)(?![\p{L}]))`,
      String.raw`(?:price|prices|pricing|rates?)\s+(?:will\s+)?(?:increases?|rises?)\s+(?:on|after|next|in|from|at|by|soon)`,
      String.raw`(?:price|pricing),?\s+which\s+(?:goes|will\s+go|is\s+going)\s+up`,
      String.raw`before\s+(?:the|our)\s+(?:price|pricing|rate)\s+(?:increase|change|goes\s+up|hike|rise)`,
      String.raw`lock\s+in\s+(?:this|the|today's|current|your)\s+(?:current\s+)?(?:price|pricing|rate|discount)`,
      String.raw`preise?\s+steig(?:t|en)`,
      String.raw`steig(?:t|en)\s+(?:unsere|die|der)\s+preise?`,
    ],
  },
  {
    id: 'seller-deadline',
    kind: 'false_urgency',
    message: 'A deadline you set for their decision puts your quota ahead of their process; the customer sets the timeline.',
    hint: 'Ask what timeline works for them, or what needs to happen on their side first.',
    patterns: [
      // The seller's own period end given as a reason: "our quarter closes on Friday" (seed 002: your target, not theirs).
      String.raw`(?:our|my)\s+(?:quarter|month|fiscal\s+year|financial\s+year|sales\s+year)\s+(?:closes|ends|is\s+closing|is\s+ending|wraps\s+up)`,
      String.raw`(?:by|before|no\s+later\s+than|until)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?(?:day|week|month|quarter|year|business\s+day)|eod|eow|eom|eoq|eoy|cob|close\s+of\s+business|(?:this\s+|next\s+)?${WEEKDAY}|tomorrow|tonight|today|midnight|noon|the\s+\d{1,2}(?:st|nd|rd|th)?)`,
    ],
    guard: sellerDeadline,
  },

  // ----- over_promise -----
  {
    id: 'guarantee',
    kind: 'over_promise',
    message: 'A guarantee sets an expectation you may not be able to keep, and over-promising is the top deal-breaker.',
    hint: 'Say what typically happens and what it depends on, or offer a small trial they can judge for themselves.',
    patterns: [
      String.raw`guarantee(?:s|d|ing)?`,
      String.raw`garant(?:ie(?:rt|ren|re)?|iza(?:d[oa]s?|mos|r)|izo|ía|ia|ies|is|issons|ir|i)`,
    ],
  },
  {
    id: 'absolute',
    kind: 'over_promise',
    message: 'Absolutes like "always works", "100%" or "zero risk" are claims no honest seller can keep, and readers know it.',
    hint: 'Use honest ranges and conditions: what usually happens, for whom, and when it does not work.',
    patterns: [
      String.raw`100\s?(?:%|percent)\s+(?:guaranteed|satisfaction|success|uptime|results?|of\s+the\s+time|accurate|accuracy|sure|certain|safe|risk-free|effective|compliant|reliable|secure|money-back|erfolg|sicher|garantiert|seguro|garantizado|éxito|réussite|garanti)`,
      String.raw`(?:works?|delivers?|succeeds?)\s+100\s?(?:%|percent)`,
      String.raw`never\s+(?:fails?|misses|breaks|goes\s+down|lets\s+(?:you|our\s+clients|customers)\s+down)`,
      String.raw`(?:can't|cannot)\s+(?:fail|go\s+wrong)`,
      String.raw`(?:you'll|you\s+will|you'd)\s+never\s+(?:[\p{L}-]+\s+){1,6}?again`,
      String.raw`always\s+(?:works?|delivers?|succeeds?|pays?\s+off|gets?\s+results|on\s+time|on\s+budget|hits?|meets?|exceeds?|wins?|performs?|converts?)`,
      String.raw`works\s+every\s+(?:single\s+)?time`,
      String.raw`(?:fool|bullet)-?proof`,
      String.raw`zero\s+risk`,
      String.raw`risk[\s-]free`,
      String.raw`no\s+risk\s+(?:at\s+all|whatsoever)`,
      String.raw`(?:solves?|fix(?:es)?|eliminates?|removes?)\s+(?:all|every|any)\s+(?:of\s+)?your\s+(?:[\p{L}-]+\s+)?(?:problems?|issues?|challenges?|headaches?)`,
      // German, Spanish, French
      String.raw`funktioniert\s+immer`,
      String.raw`ohne\s+risiko`,
      String.raw`(?:siempre\s+funciona|funciona\s+siempre)`,
      String.raw`sin\s+riesgo`,
      String.raw`sans\s+risque`,
      String.raw`(?:marche|fonctionne)\s+(?:à\s+tous\s+les\s+coups|toujours)`,
    ],
  },
  {
    id: 'big-results',
    kind: 'over_promise',
    message: 'Promising outsized results ("double your revenue", "overnight") sets you up to under-deliver on things you do not control.',
    hint: 'Share a real example ("one client cut onboarding time by a third") and what it depended on, instead of a promise.',
    patterns: [
      String.raw`(?:double|triple|quadruple|10x|5x|3x|2x)s?\s+(?:your|their)\s+(?:[\p{L}-]+\s+)?(?:revenue|sales|leads|pipeline|conversions?|roi|profits?|income|business|growth|traffic|bookings|results|output|productivity|close\s+rate|meetings|margins?)`,
      String.raw`(?:results?|roi|growth|success)\s+overnight`,
      String.raw`overnight\s+(?:results?|success|growth|transformation|roi)`,
      String.raw`(?:see|double|triple|transform|grow)(?:s|ing)?\s+[^.!?\n]{0,30}?\s+overnight`,
      String.raw`instant\s+(?:results?|roi|success|growth|boost)`,
      String.raw`instantly\s+(?:boosts?|increases?|improves?|doubles?|triples?|fix(?:es)?|solves?|transforms?|grows?|generates?|closes?)`,
      String.raw`(?:results?|roi)\s+(?:instantly|immediately)`,
      String.raw`immediate\s+(?:results?|roi)`,
      // German, Spanish, French
      String.raw`(?:verdoppel\p{L}*\s+(?:ihren?|deinen?)\s+(?:umsatz|gewinn)|(?:umsatz|gewinn)\s+(?:zu\s+)?verdoppel\p{L}*)`,
      String.raw`(?:duplicar|triplicar|duplica|duplicamos|triplica)\s+(?:tus|sus|su|tu)\s+(?:ventas|ingresos|facturación|beneficios)`,
      String.raw`(?:doubl|tripl)(?:er|ez|e|ons)\s+(?:votre|vos)\s+(?:chiffre\s+d'affaires|ventes|revenus|bénéfices)`,
    ],
  },
  {
    id: 'numeric-result',
    kind: 'over_promise',
    message: 'A hard number for results you have not delivered for them yet is a promise you cannot control.',
    hint: 'Describe what similar customers saw, with the conditions, and let them judge what is realistic for them.',
    patterns: [
      // Their metric ("your renewals", "sales", "churn"), not a technical fact ("cut the file size by 50%").
      String.raw`(?:increase|boost|grow|improve|raise|lift|cut|reduce|slash|lower|multiply)(?:s|ing)?\s+(?:(?:your|their)\s+(?:[\p{L}-]+\s+){0,2}?|(?:sales|revenue|leads|pipeline|conversions?|roi|profits?|margins?|bookings|growth|retention|churn|costs?|win\s+rates?|close\s+rates?|productivity|efficiency|response\s+rates?|reply\s+rates?|deal\s+size)\s+)by\s+(?:up\s+to\s+|over\s+|at\s+least\s+)?\d+(?:[.,]\d+)?\s?(?:%|x|times|percent|fold)`,
      String.raw`(?:you'll|you\s+will|guaranteed\s+to)\s+(?:see|get|achieve|make)\s+(?:up\s+to\s+|at\s+least\s+)?\d+(?:[.,]\d+)?\s?(?:%|x|times)`,
    ],
    guard: notPastResult,
  },
  {
    id: 'can-do-anything',
    kind: 'over_promise',
    message: 'Saying yes to everything signals you have not understood their problem and sets up promises you cannot keep.',
    hint: 'Say plainly what you do and do not do; an honest "that is not us, but here is who can" builds more trust.',
    patterns: [
      String.raw`we\s+can\s+(?:do|handle|build|deliver|solve)\s+(?:anything|everything|it\s+all)`,
      String.raw`(?:anything|whatever)\s+you\s+need,?\s+we(?:\s+can|'ll|\s+will)\s+(?:do|make|handle|deliver)`,
      String.raw`no\s+(?:job|project|request)\s+(?:is\s+)?too\s+(?:big|small|complex)`,
      String.raw`we\s+do\s+it\s+all`,
    ],
  },

  // ----- self_focus -----
  {
    id: 'self-praise',
    kind: 'self_focus',
    message: 'Self-praise ("industry-leading", "award-winning") makes the email about you, and readers discount it.',
    hint: 'Replace the claim with something the reader can use: a specific, relevant example or resource.',
    patterns: [
      String.raw`award[\s-]winning`,
      String.raw`best[\s-]in[\s-]class`,
      String.raw`world[\s-]class`,
      String.raw`(?:industry|market)[\s-]leading`,
      String.raw`(?:industry|market)\s+leaders?`,
      String.raw`second\s+to\s+none`,
      String.raw`unparalleled`,
      String.raw`unmatched`,
      String.raw`state[\s-]of[\s-]the[\s-]art`,
      String.raw`cutting[\s-]edge`,
      String.raw`(?:the|a)\s+(?:leading|premier|foremost)\s+(?:provider|platform|solution|vendor|company|agency|firm|supplier|expert|name|player|partner)s?`,
      String.raw`(?:#\s?1|number[\s-]one|no\.\s?1)\s+(?:rated\s+)?(?:provider|platform|solution|vendor|company|agency|firm|choice|tool|crm|partner|in)`,
      String.raw`trusted\s+by\s+(?:over\s+|more\s+than\s+)?\d[\d,.]*\+?\s*(?:k\s+)?(?:companies|clients|customers|teams|brands|businesses)`,
      // German, Spanish, French
      String.raw`marktführer\p{L}*`,
      String.raw`führende[nrs]?\s+anbieter`,
      String.raw`líder(?:es)?\s+(?:del|en\s+el)\s+(?:mercado|sector)`,
      String.raw`leader\s+(?:du|sur\s+le)\s+marché`,
      String.raw`numéro\s+1`,
    ],
    guard: notThirdPartyPraise,
  },
  {
    id: 'we-are-the-best',
    kind: 'self_focus',
    message: 'Calling yourselves the best or the leader is a claim about you, not help for them.',
    hint: 'Show, do not tell: one concrete example relevant to their situation says more than a ranking.',
    patterns: [
      String.raw`(?:we're|we\s+are|our\s+(?:company|firm|team|agency|platform|product|solution|software|tool)\s+is)\s+(?:(?:simply|by\s+far|clearly|proud\s+to\s+be)\s+)?(?:the|a)\s+(?:leading|premier|top|foremost|largest|biggest|best(?!\s+(?:fit|match|option|choice|person|people\s+to))|number[\s-]one|#\s?1|fastest[\s-]growing|most\s+(?:trusted|innovative|advanced))`,
    ],
  },

  // ----- pressure_close -----
  {
    id: 'push-meeting',
    kind: 'pressure_close',
    message: 'Pushing a meeting they did not ask for puts your agenda ahead of what they asked.',
    hint: 'Answer what they asked; if a call might help, offer it as an option and let them choose whether and when.',
    patterns: [
      String.raw`let's\s+(?:hop|jump|get)\s+on\s+a\s+(?:quick\s+)?(?:call|zoom|video\s+call)`,
      String.raw`let's\s+(?:set\s+up|schedule|book|lock\s+in|put|get|find|grab)\s+(?:a|the|some|an)\s+(?:(?:quick|short|brief|\d+-?min(?:ute)?)\s+)?(?:demo|call|meeting|time|slot|session|zoom|walkthrough|discovery\s+call)`,
      // "I've scheduled the export" is service; "I've booked Thursday at 2pm" is a meeting they did not ask for.
      String.raw`(?:i've|i\s+have|we've|we\s+have|i\s+went\s+ahead\s+and|i\s+just)\s+(?:gone\s+ahead\s+and\s+|already\s+|just\s+|also\s+)?(?:booked|scheduled|blocked|reserved)\s+(?:(?:us|you|a|an|some|the|our)\s+)?(?:(?:quick|short|\d+-?min(?:ute)?)\s+)?(?:call|demo|meeting|time|slot|session|walkthrough|${WEEKDAY}|tomorrow|\d+(?:\s*(?:minutes|mins|am|pm))?)`,
      String.raw`(?:i've|i\s+have|i)\s+(?:just\s+|already\s+)?sent\s+(?:you\s+)?(?:a|an)\s+(?:calendar\s+|meeting\s+)?invite`,
      String.raw`(?:shall|should)\s+we\s+(?:schedule|book|set\s+up|lock\s+in|put|plan|do)\s+(?:a|the|some|an)\s+(?:(?:quick|short|\d+-?min(?:ute)?)\s+)?(?:call|demo|meeting|time|session)(?:\s+(?:for|on)\s+(?:${WEEKDAY}|tomorrow))?`,
      String.raw`(?:can|could)\s+we\s+(?:schedule|book|set\s+up|do)\s+(?:a|the|an)\s+(?:(?:quick|short)\s+)?(?:call|demo|meeting)\s+(?:(?:for|on)\s+)?(?:${WEEKDAY}|tomorrow|this\s+week|next\s+week|at\s+\d+)`,
      String.raw`(?:which|what)\s+(?:day|time|slot)\s+works\s+(?:best\s+)?for\s+(?:a|the|our|your)\s+(?:demo|call|meeting)`,
      String.raw`(?:i'll|i\s+will)\s+(?:give\s+you\s+a\s+)?call\s+(?:you\s+)?(?:tomorrow|today|tonight|on\s+${WEEKDAY}|at\s+\d|this\s+(?:afternoon|morning|week)|next\s+week)`,
      String.raw`lassen\s+sie\s+uns\s+(?:einen\s+)?(?:termin|demo|call|telefonat)\s+(?:vereinbaren|ausmachen|festlegen)`,
    ],
    guard: notIfReaderAskedMeeting,
  },
  {
    id: 'push-decision',
    kind: 'pressure_close',
    message: 'Pushing for a signature or decision they have not signalled makes the reader feel sold to.',
    hint: 'Ask what they still need to decide well (information, people, timing) and let them set the next step.',
    patterns: [
      String.raw`(?:i'll|i\s+will|let\s+me|i'm\s+going\s+to|i'm)\s+(?:send(?:ing)?|shoot(?:ing)?|email(?:ing)?)\s+(?:you\s+)?(?:over\s+)?(?:the|a|our)\s+(?:contract|agreement|order\s+form|paperwork|docusign|purchase\s+order|sow)`,
      String.raw`are\s+you\s+ready\s+to\s+(?:move\s+forward|sign|buy|proceed|commit|get\s+started|go\s+ahead|make\s+(?:a|the)\s+decision|pull\s+the\s+trigger|place\s+(?:an|the|your)\s+order)`,
      String.raw`ready\s+to\s+(?:move\s+forward|sign|proceed|commit)\s*\?`,
      String.raw`sign\s+(?:it\s+|the\s+(?:contract|agreement)\s+)?(?:today|now|tonight|this\s+week)`,
      String.raw`(?:decide|commit|buy)\s+(?:today|now|tonight)`,
      String.raw`what\s+(?:would|will|do)\s+(?:it|i)\s+(?:take|need\s+to\s+do)\s+(?:for\s+you\s+)?to\s+(?:close|sign|win|earn\s+your\s+business|get\s+(?:this|you|the\s+deal)|move\s+forward|make\s+this\s+happen)`,
      String.raw`let's\s+(?:close|finali[sz]e|wrap\s+up)\s+(?:this|the\s+deal|it)`,
      String.raw`let's\s+get\s+(?:this|it|the\s+(?:deal|contract|paperwork))\s+(?:signed|done|closed|over\s+the\s+line)`,
      String.raw`do\s+we\s+have\s+a\s+deal`,
      String.raw`can\s+i\s+(?:count\s+you\s+in|put\s+you\s+down)`,
      // Spanish, French, German
      String.raw`(?:está|estás)\s+(?:listo|lista|listos)\s+para\s+(?:avanzar|firmar|seguir)`,
      String.raw`êtes-vous\s+prêt(?:e|s|es)?\s+à\s+(?:avancer|signer|vous\s+engager)`,
      String.raw`sind\s+sie\s+bereit,?\s+(?:zu\s+unterschreiben|weiterzumachen|den\s+vertrag)`,
    ],
    guard: notIfReaderAskedDecision,
  },
];

/** Wraps a pattern in Unicode-aware word boundaries (JS `\b` treats "é" as a non-word character). */
function compile(patterns: readonly string[]): RegExp {
  return warmable('trust', new RegExp(String.raw`(?<![\p{L}\p{N}_])(?:${patterns.join('|')})(?![\p{L}\p{N}_])`, 'giu'));
}

/** All phrase rules, compiled once at module load. */
export const PHRASE_RULES: readonly PhraseRule[] = SPECS.map((spec) => ({ ...spec, re: compile(spec.patterns) }));

// ---------- draft-level rules (applied in check.ts) ----------

/** Asks for the reader's time; flagged as `no_value` only when the draft gives nothing. */
export const EMPTY_ASK = {
  id: 'empty-ask',
  kind: 'no_value' as const,
  message: 'Asking for their time without giving anything first spends trust you have not earned yet.',
  hint: 'Give something first (an answer, a resource, an introduction, an observation about their situation), then make the ask optional.',
  re: compile([
    String.raw`(?:do|would)\s+you\s+have\s+(?:\d+|a\s+few|a\s+couple\s+(?:of\s+)?|five|ten|fifteen|twenty|thirty)\s+(?:minutes|mins)`,
    String.raw`(?:got|have)\s+(?:\d+|a\s+few|five|ten|fifteen)\s+(?:minutes|mins)\s+(?:for|this|next|to|tomorrow)`,
    String.raw`(?:i'd|i\s+would)\s+love\s+(?:\d+|a\s+few|five|ten|fifteen|twenty|thirty)\s+(?:minutes|mins)`,
    String.raw`(?:i'd|i\s+would)\s+love\s+to\s+(?:hop|jump|get)\s+on\s+a\s+(?:quick\s+)?call`,
    String.raw`(?:can|could|may)\s+i\s+(?:get|grab|steal|have|borrow)\s+(?:\d+|a\s+few|five|ten|fifteen|twenty)\s+(?:minutes|mins)`,
    String.raw`let\s+me\s+know\s+when\s+(?:you're|you\s+are)\s+(?:free|available)(?:\s+(?:for|to)\s+(?:a\s+)?(?:quick\s+)?(?:call|chat|meeting|talk))?`,
    String.raw`(?:when|what\s+time)\s+(?:are\s+you|would\s+you\s+be)\s+(?:free|available)(?:\s+for\s+(?:a\s+)?(?:quick\s+)?(?:call|chat|meeting))?`,
    String.raw`when\s+is\s+a\s+good\s+time\s+(?:for\s+(?:a\s+)?(?:quick\s+)?(?:call|chat|meeting)|to\s+(?:talk|chat|connect))`,
    String.raw`(?:can|could)\s+we\s+(?:hop|jump|get)\s+on\s+a\s+(?:quick\s+)?(?:call|zoom|phone\s+call)`,
    String.raw`(?:can|could)\s+we\s+(?:schedule|set\s+up)\s+(?:a|an)\s+(?:quick\s+)?(?:call|meeting|chat)`,
    String.raw`(?:are\s+you\s+)?open\s+to\s+a\s+(?:quick\s+)?(?:call|chat|conversation|meeting)`,
    String.raw`worth\s+a\s+(?:quick\s+)?(?:call|chat|conversation)`,
    String.raw`are\s+you\s+(?:free|available)\s+(?:for\s+a\s+(?:quick\s+)?(?:call|chat)|(?:this|next)\s+week|on\s+${WEEKDAY}|tomorrow)`,
    String.raw`(?:hätten|haben)\s+sie\s+(?:\d+|kurz)\s+(?:minuten\s+)?zeit`,
    String.raw`(?:tiene|tienes|tendría|tendrías)\s+\d+\s+minutos`,
    String.raw`(?:auriez|avez)-vous\s+\d+\s+minutes`,
  ]),
};

/**
 * Signs that a draft gives the reader something: a link, an attachment, a resource, an introduction, an answer
 * or an observation. One is enough to make an ask for time fair.
 */
export const VALUE_SIGNAL = warmable('trust', new RegExp(
  [
    String.raw`https?://`,
    String.raw`(?<![\p{L}])www\.`,
    String.raw`(?<![\p{L}])(?:attached|attaching|enclosed|i've\s+included|i've\s+written|i\s+wrote\s+up|wrote\s+up|here(?:'s|\s+is|\s+are)\s+(?:a|an|the|my|our|some|two|three|\d))(?![\p{L}])`,
    String.raw`(?<![\p{L}])(?:checklist|guide|article|template|case\s+study|report|playbook|write-?up|whitepaper|benchmark|worksheet|calculator|summary|notes|recording|teardown|example|framework)s?(?![\p{L}])`,
    // An introduction to a person helps; "introduce our platform" is a pitch, not value.
    String.raw`(?<![\p{L}])(?:introduc(?:e|ing)\s+you|introduction(?!\s+to\s+(?:our|my|us)(?![\p{L}]))|intro\s+to\s+(?!our|my|us(?![\p{L}]))|put\s+you\s+in\s+touch|connect\s+you(?:\s+two)?(?:\s+with|\s+to)?(?![\p{L}]))`,
    // A draft that opens a sentence with "Yes," / "Good question" is answering something. No newline in the spaces
    // after the mark: the last newline before the word starts the match instead, and a pasted run of blank lines
    // is not tried from every one of them to its end (quadratic: 2 s at 40,000 newlines, on every keystroke).
    String.raw`(?:^|[.!?\n][^\S\n]*)(?:yes|no|yep|nope|sure|good\s+question|great\s+question)(?:[,.!:]|\s+[\u2014\u2013-])`,
    String.raw`(?<![\p{L}])(?:to\s+answer\s+your|to\s+your\s+question|short\s+answer|the\s+answer\s+is|you\s+asked\s+about|my\s+(?:take|suggestion|advice|recommendation)|i'd\s+(?:suggest|recommend)|one\s+(?:idea|tip)|i\s+noticed|we\s+noticed)`,
    String.raw`(?:checkliste|leitfaden|(?:frau|herrn?|kolleg(?:in|en|e)?|jemanden)\s+(?:[\p{L}-]+\s+){0,2}vorstellen|guía|artículo|plantilla|presentarte\s+a|te\s+presento\s+a|guide|modèle|vous\s+présenter\s+(?:à|a))`,
  ].join('|'),
  'iu',
));

/** The `self_focus` run rule: this many sentences in a row about the seller are too many. */
export const SELF_RUN = {
  id: 'self-run',
  kind: 'self_focus' as const,
  minSentences: 3,
  message: 'Several sentences in a row about you ("We…", "Our…", "I…") make the email about the seller rather than the reader.',
  hint: 'Keep one line about you and spend the rest on their situation, a question about it, or something useful.',
  // A sentence about the seller starts with a first-person word…
  startsWithSelf: /^\s*(?:we're|we've|we'll|we'd|we|our|i'm|i've|i'll|i'd|i|my)(?![\p{L}\p{N}_'])/iu,
  // …and does not mention the reader (a sentence with "you"/"your" is at least partly about them).
  mentionsReader: /(?<![\p{L}])(?:you|your|yours|you're|you've|you'll|you'd|yourself)(?![\p{L}])/iu,
  // …and is not a report of something done for them ("I checked with billing. I found the charge. I've refunded it.").
  reportsService:
    /(?<![\p{L}])(?:checked|double-checked|looked|found|fixed|refunded|credited|sent|attached|updated|resolved|asked|spoke|talked|reviewed|tested|added|changed|reset|created|wrote|written|noted|forwarded|escalated|confirmed|corrected|investigated|traced|cancell?ed|restored|removed|deleted|applied|re-?ran|reproduced|patched)(?![\p{L}])/iu,
};
warmable('trust', [SELF_RUN.startsWithSelf, SELF_RUN.mentionsReader, SELF_RUN.reportsService]);

/** Penalty per finding, by kind: over-promising is the top deal-breaker, so it costs most. */
export const KIND_WEIGHTS: Readonly<Record<TrustFindingKind, number>> = {
  over_promise: 25,
  false_urgency: 20,
  pressure_close: 20,
  check_in: 15,
  no_value: 15,
  self_focus: 10,
};

/** When findings of different kinds overlap, the earlier kind in this list wins (the more harmful reading). */
export const KIND_PRIORITY: readonly TrustFindingKind[] = ['over_promise', 'false_urgency', 'pressure_close', 'check_in', 'no_value', 'self_focus'];
