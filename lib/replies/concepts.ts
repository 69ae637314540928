/**
 * A small, hand-written topic lexicon shared by fit detection, resource search and reply text. Each concept knows how
 * it is spelled in English, German, Spanish and French (on folded text: lower-case, no accents), an English search
 * query for the resource library, and one honest tip, so a reply can give something useful even with an empty library.
 */
import { warmable } from '../warm';

/** One topic an inquiry can be about. */
export interface Concept {
  id: string;
  /** Noun phrase for reasons: "asks for <label>". */
  label: string;
  /** Phrase for reply text: "your question about <topic>". */
  topic: string;
  /** English terms for searching the resource library (which is written in the rep's language, usually English). */
  query: string;
  /** Matches the folded text (see `fold`). */
  re: RegExp;
  /** One or two sentences of general, honest advice on the topic. */
  tip: string;
  /** One open discovery question for a fitting inquiry about this topic. */
  discovery: string;
  /**
   * When their text already answers `discovery` (matched on the folded text), the question to ask instead: asking
   * someone who wrote "we're on HubSpot" what they use today reads as not having read their message.
   */
  answered?: { re: RegExp; discovery: string };
}

/** The lexicon, most specific first (earlier concepts win ties when an inquiry mentions several). */
export const CONCEPTS: readonly Concept[] = [
  {
    id: 'lead_lists',
    label: 'lead lists',
    topic: 'buying a lead list',
    query: 'lead lists prospect list email list gdpr prospecting',
    re: /\b(lead|email|contact|prospect|mailing) lists?\b|\blist of \d[\d,.]*k?\b|\bverified e-?mails?\b|\bbuy(ing)? (a )?(list|leads|data)\b|\bleads? database\b|\bper contact\b|\badressliste\w*\b|\bbase de datos de (contactos|leads)\b|\bfichier (de )?prospects\b/,
    tip: 'Bought lists tend to bounce a lot and are hard to square with GDPR in Europe; a small list you build yourself from people who match your best customers usually gets more replies.',
    discovery: 'Who are the people you most want to reach?',
  },
  {
    id: 'recruiting',
    label: 'recruiting',
    topic: 'hiring for your sales team',
    query: 'recruiting hiring recruiter sales roles interview scorecard',
    re: /\brecruit\w*\b|\bheadhunt\w*\b|\bhire (two|three|four|2|3|4|a|an|our|new|more|some|several)\b.{0,30}\b(sdrs?|aes?|reps?|salespeople|sales ?people|account executives?|head of sales|sales (managers?|directors?|leads?))\b|\bfind (us )?(a |an |our |new |good )?(head of sales|sales (managers?|directors?|reps?)|sdrs?|candidates)\b|\bsuccess fee\b|\bpersonalvermittlung\b|\bpersonalsuche\b|\bheadhunter\b|\breclutamiento\b|\breclutar\b|\bseleccion de personal\b|\brecrutement\b|\bcabinet de recrutement\b/,
    tip: 'Before talking to recruiters, it helps to write down what the person must have achieved after six months; that one page makes interviews and fees much easier to compare.',
    discovery: 'What should the new person have achieved after their first six months?',
  },
  {
    id: 'web_design',
    label: 'web design',
    topic: 'your website',
    query: 'web design website agency brief launch',
    re: /\bweb ?design\w*\b|\bweb ?sites?\b|\bweb ?pages?\b|\blanding pages?\b|\bhomepage\b|\bwebseite\w*\b|\binternetseite\w*\b|\binternetauftritt\b|\bwebauftritt\b|\bsitio web\b|\bpagina web\b|\bdiseno web\b|\bsite (web|internet)\b|\brefonte\b|\bsite vitrine\b|\bcreation de site\b|\bun site\b|\bwordpress\b|\bjoomla\b|\bwebflow\b|\bredesign\w*\b/,
    tip: 'A one-page brief (goals, the pages you need, who writes the content, budget range) is what makes web agency quotes comparable; without it, prices vary wildly for the same site.',
    discovery: 'What should the website do for you that it does not do today?',
  },
  {
    id: 'paid_ads',
    label: 'paid ads management',
    topic: 'your ad campaigns',
    query: 'paid ads google ads linkedin ads ppc advertising campaigns',
    re: /\b(google|facebook|meta|linkedin|bing|instagram) ads\b|\bads (campaigns?|management|manager|agency)\b|\bad campaigns?\b|\bppc\b|\bpay[- ]per[- ]click\b|\badwords\b|\bpaid (ads|social|search|media|advertising)\b|\bonline advertising\b|\bonline-werbung\b|\banzeigen\w*\b|\bwerbekampagne\w*\b|\bpublicidad\b|\banuncios\b|\bcampagnes? (google|linkedin|facebook|publicitaires?|ads)\b|\bpublicite\w*\b/,
    tip: 'Before changing agencies, check that conversions are actually tracked and that search terms are reviewed; many disappointing campaigns come down to those two things.',
    discovery: 'What does a good lead from your ads look like for you?',
  },
  {
    id: 'seo',
    label: 'SEO',
    topic: 'showing up in search',
    query: 'seo search engine optimisation google traffic website',
    re: /\bseo\b|\bsearch engine\w*\b|\bsuchmaschinen\w*\b|\bposicionamiento( web| en google)?\b|\breferencement\b|\bshow(s|ing)? up on google\b|\brank(s|ing)? on google\b|\bfirst page (of|on) google\b|\b(more |website |site )?traffic\b|\bvisitors a month\b/,
    tip: 'For a B2B service firm, a handful of pages that answer the exact questions buyers type (plus clear page titles) usually does more than any technical trick.',
    discovery: 'Which searches would you most like to be found for?',
  },
  {
    id: 'bookkeeping',
    label: 'bookkeeping and accounting',
    topic: 'bookkeeping',
    query: 'bookkeeping accounting software invoices tax',
    re: /\bbookkeep\w*\b|\baccounting\b|\baccountants?\b|\btax(es| returns?| filing)\b|\bpayroll\b|\binvoicing\b|\bvat( returns?)?\b|\bmehrwertsteuer\b|\biva\b|\btva\b|\bbuchhaltung\b|\bbuchfuhrung\b|\bsteuerberat\w*\b|\bcontabilidad\b|\bcontable\b|\bimpuestos\b|\bcomptab\w*\b|\bexpert-comptable\b/,
    tip: 'The right bookkeeping tool depends mostly on your country (tax rules, bank feeds) and on what your accountant already works with, so asking them first saves a migration later.',
    discovery: 'What does your accountant work with today?',
  },
  {
    id: 'software_dev',
    label: 'custom software development',
    topic: 'building custom software',
    query: 'software development developers mobile app freelancers',
    re: /\bcustom (software|apps?|application|development|tool)\b|\bmobile apps?\b|\b(build|develop) (it |us )?(an? )?(custom )?(app|software|application|portal)\b|\bsoftware development\b|\bapp development\b|\bsoftwareentwicklung\b|\bapp-entwicklung\b|\bdesarrollo (de software|de apps|de aplicaciones)\b|\bdeveloppement (logiciel|d'application|d'une application)\b/,
    tip: 'A small paid test task (a few days of work) tells you more about a developer than any portfolio, and keeps the first commitment small.',
    discovery: 'What is the one thing the app must do well?',
  },
  {
    id: 'video',
    label: 'video production',
    topic: 'your video',
    query: 'video explainer production launch brief',
    re: /\bexplainer\b|\bvideo (production|producer|agency|studio)\b|\bvideos?\b|\bvideoproduktion\b|\berklarvideo\w*\b|\bproduccion de video\b|\bvideo explicativo\b|\bvideo (de )?presentation\b/,
    tip: 'For an explainer video, settle the one message and the audience before asking for quotes; that decides most of the cost and the result.',
    discovery: 'Who is the video for, and what should they do after watching it?',
  },
  {
    id: 'branding',
    label: 'branding and logo design',
    topic: 'your branding',
    query: 'branding logo brand identity design',
    re: /\blogo\w*\b|\bbranding\b|\bbrand identity\b|\bcorporate design\b|\bidentidad (corporativa|de marca)\b|\bidentite visuelle\b/,
    tip: 'A short brief with three brands you like and why gives any designer a much better start than a blank page.',
    discovery: 'What should people feel when they see your brand?',
  },
  {
    id: 'social_media',
    label: 'social media management',
    topic: 'social media',
    query: 'social media linkedin content marketing',
    re: /\bsocial media\b|\binstagram\b|\btiktok\b|\bcommunity management\b|\bredes sociales\b|\breseaux sociaux\b/,
    tip: 'Posting consistently on one channel your buyers actually use tends to beat a thin presence everywhere.',
    discovery: 'Where do your buyers spend their time online?',
  },
  {
    id: 'legal',
    label: 'legal advice',
    topic: 'the legal question',
    query: 'legal contract lawyer gdpr',
    re: /\blawyers?\b|\blegal (advice|review|counsel)\b|\bcontract review\b|\banwalt\b|\brechtsanwalt\b|\babogado\b|\bavocat\b/,
    tip: 'For contract questions, a fixed-fee review by a lawyer who knows your industry is usually money well spent.',
    discovery: 'What worries you most about the contract?',
  },
  {
    id: 'translation',
    label: 'translation',
    topic: 'translation',
    query: 'translation localisation',
    re: /\btranslat\w*\b|\bubersetz\w*\b|\btraduc\w*\b/,
    tip: 'Native speakers who know your industry are worth the extra cost for sales material; machine translation is fine for a first draft.',
    discovery: 'Which languages and documents are involved?',
  },
  {
    id: 'data_migration',
    label: 'CRM data migration and cleanup',
    topic: 'moving and cleaning your CRM data',
    query: 'crm data migration import duplicates cleanup',
    re: /\bmigrat\w*\b|\bdata (clean-?up|cleanup|quality|cleansing)\b|\bduplicates?\b|\bdedup\w*\b|\bdubletten\b|\bduplicados\b|\bdoublons\b|\bimport\w*\b.{0,40}\b(contacts|records|data|kontakte|datos|contactos)\b|\b(contacts|kontakte|contactos)\b.{0,30}\bimport\w*\b|\bdatenmigration\b|\bmigracion\b|\b\d+k? records\b/,
    tip: 'Map your fields and agree on what counts as a duplicate before the first import; a test import of a few hundred records catches most surprises.',
    discovery: 'Roughly how many records are you moving, and from which system?',
    answered: {
      // A count of records and the system they come from, both already given ("40k contacts from Zoho").
      re: /(?=[\s\S]*\b\d[\d,.]*\s*k?\s*(records|contacts|accounts|deals|rows|kontakte|contactos|datos)\b)(?=[\s\S]*\b(hubspot|salesforce|pipedrive|zoho|dynamics|freshsales|excel|spreadsheets?|google sheets?|airtable|sellsy|monday)\b)/,
      discovery: 'Which part of the move worries you most?',
    },
  },
  {
    id: 'forecasting',
    label: 'pipeline and forecasting setup',
    topic: 'forecasting',
    query: 'forecasting forecast pipeline review template',
    re: /\bforecast\w*\b|\bpipeline reviews?\b|\bprognose\w*\b|\bprevision\w*\b|\bpronostico\w*\b/,
    tip: 'Forecasts usually get better when each stage has a clear exit criterion and the team reviews only the deals that moved or stalled, every week at the same time.',
    discovery: 'How do you build your forecast today, and where does it usually go wrong?',
  },
  {
    id: 'crm',
    label: 'CRM implementation',
    topic: 'your CRM',
    query: 'crm hubspot pipedrive salesforce selection implementation',
    re: /\bcrms?\b|\bhubspot\b|\bsalesforce\b|\bpipedrive\b|\bzoho\b|\bdynamics 365\b|\bfreshsales\b|\bclose\.com\b|\bcrm-\w+\b/,
    tip: 'The tool matters less than agreeing on a few deal stages and on who updates what; the right CRM is the one your reps will actually open every day.',
    discovery: 'What do you use today to keep track of deals, and what bothers you most about it?',
    answered: {
      // They named the tool, or said they use none ("spreadsheets", "sticky notes").
      re: /\b(hubspot|salesforce|pipedrive|zoho|dynamics|freshsales|close\.com|sellsy|monday\.com|excel|spreadsheets?|google sheets?|airtable|sticky notes|tabellen?|hojas? de calculo|tableurs?)\b/,
      discovery: 'What bothers you most about how deals are tracked today?',
    },
  },
  {
    id: 'sales_process',
    label: 'sales process design',
    topic: 'your sales process',
    query: 'sales process pipeline stages playbook discovery',
    re: /\bsales process\w*\b|\bsales playbook\b|\b(deal|pipeline|sales) stages?\b|\bpipeline\b|\bsales methodology\b|\bqualification (framework|process)\b|\bvertriebsprozess\w*\b|\bverkaufsprozess\w*\b|\bprocesos? de ventas?\b|\bprocessus de vente\b|\betapes du pipeline\b|\bfounder-led sales\b/,
    tip: 'Five or six stages with a clear, buyer-side exit criterion each (for example "budget owner has seen the proposal") tend to work better than a long list nobody applies the same way.',
    discovery: 'Where do deals tend to get stuck for you?',
  },
  {
    id: 'sales_training',
    label: 'sales training and coaching',
    topic: 'sales training and coaching',
    query: 'sales training coaching discovery questions onboarding 1:1',
    re: /\bsales (training|coaching|workshops?|enablement)\b|\b(train|coach)(ing)? (our|my|the) (sales )?(team|reps|aes|sdrs|salespeople)\b|\btraining\w*\b|\bcoaching\b|\b1:1s?\b|\bone-on-ones?\b|\bvertriebs(training|coaching|schulung)\w*\b|\bverkaufstraining\w*\b|\bschulung\w*\b|\bformacion (en|de) ventas\b|\bcapacitacion\b|\bformation\b|\bformacion\b|\bworkshops?\b|\bformer (son|votre|notre|leur|mon|l') ?equipe\b|\bvente consultative\b|\bdiscovery (calls?|questions?)\b|\bprogramme de formation\b/,
    tip: 'Training sticks when managers practise the same skill with reps on live deals in the weeks after; a workshop on its own tends to fade within a month.',
    discovery: 'What would you like your team to do differently after the training?',
  },
  {
    id: 'commission',
    label: 'sales compensation design',
    topic: 'commission plans',
    query: 'commission plan compensation sdr',
    re: /\bcommission\w*\b|\bcomp plans?\b|\bcompensation plans?\b|\bincentive plans?\b|\bprovisionsmodell\w*\b|\bcomisiones\b/,
    tip: 'For SDRs, paying mostly on meetings that actually took place (and were accepted by an AE) keeps the incentive close to what they control without inviting empty bookings.',
    discovery: 'What behaviour would you like the plan to reward?',
  },
  {
    id: 'founder_sales',
    label: 'founder-led sales',
    topic: 'selling as a founder',
    query: 'founder-led sales startup first conversations',
    re: /\bfirst-time founder\b|\bfounder\b.{0,60}\b(sell|selling|sales)\b|\bdo (all )?the selling\b/,
    tip: 'Early on, a short written note after every sales conversation (what they need, what happens next) is the simplest system that works, long before any CRM.',
    discovery: 'Who has bought from you so far, and why did they say yes?',
  },
];

/** Where a concept was found in a text, for "first mentioned wins" tie-breaks. */
export interface ConceptHit {
  concept: Concept;
  index: number;
  count: number;
}

// Each concept's pattern as it is searched (/g, to count mentions), built once so it can be compiled ahead of use.
const SEARCHED = warmable('triage', CONCEPTS.map((c) => new RegExp(c.re.source, 'g')));

/** All concepts a folded text mentions, in order of first mention. */
export function findConcepts(folded: string): ConceptHit[] {
  const hits: ConceptHit[] = [];
  for (let i = 0; i < CONCEPTS.length; i++) {
    const concept = CONCEPTS[i]!;
    // exec on the compiled pattern itself (`matchAll` would search a copy, compiled again once V8 drops its cache).
    const re = SEARCHED[i]!;
    re.lastIndex = 0;
    let count = 0;
    let index = -1;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      if (index < 0) index = m.index;
      count++;
      if (count >= 20) break;
      if (m[0].length === 0) re.lastIndex++; // as matchAll does: an empty match must not repeat forever
    }
    if (count > 0) hits.push({ concept, index, count });
  }
  return hits.sort((a, b) => a.index - b.index);
}
