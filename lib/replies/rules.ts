/**
 * The explainable part of triage: weighted keyword rules per intent and per decline reason, in English, German,
 * Spanish and French. Patterns run on folded text (lower-case, accents stripped, see `fold`). Each rule carries the
 * evidence string shown to the rep, so "why did it say stall?" always has an answer.
 */
import type { DeclineReason, Intent } from './types';
import { warmable } from '../warm';

/** A language-specific rule only runs when the inquiry is in that language (or the language is unclear). */
export type RuleLang = 'en' | 'de' | 'es' | 'fr';

/** One weighted piece of evidence for an intent. */
export interface IntentRule {
  intent: Intent;
  re: RegExp;
  weight: number;
  signal: string;
  lang?: RuleLang;
  /** Only look at the subject line (default: subject and body). */
  subjectOnly?: boolean;
}

const r = (intent: Intent, weight: number, signal: string, re: RegExp, lang?: RuleLang, subjectOnly?: boolean): IntentRule =>
  ({ intent, re, weight, signal, lang, subjectOnly });

/** All intent rules. Weights: 3 = decisive phrase, 2 = strong hint, 1 = weak hint. */
export const INTENT_RULES: readonly IntentRule[] = [
  // ---- decline: a clear no to something already proposed
  r('decline', 3, 'says they decided against it', /\b(decided|chosen|chose|opted) (not to|against)\b|\bnot (going to )?(move|moving) forward\b|\bwon'?t be (moving|going) (forward|ahead)\b|\bnot proceed\w*\b/),
  r('decline', 3, "says they'll pass", /\b(we'?ll|we will|we'?re going to|have to|going to|need to) (pass|decline)\b|\bpass for now\b/),
  r('decline', 3, 'staying with their current provider', /\b(decided to|will|going to|we'?ll|we'?re going to) (stay|stick|continue|remain) with\b|\bwent with (another|a different|an?other)\b|\bgo(ing)? with (another|a different) (vendor|provider|partner|agency|firm|consultant|company|option)\b/),
  r('decline', 3, 'says it is too expensive', /\btoo expensive\b|\bout of our (price )?range\b|\bmore than we can (afford|spend|justify|invest)\b|\bprice is too high\b/),
  r('decline', 3, 'mentions no budget', /\bno budget\b|\b(don'?t|do not) have (the |a |any )?budget\b|\bbudget (was|has been|got|is) (cut|frozen|gone|used up)\b|\bbudget freeze\b/),
  r('decline', 3, 'says the timing is wrong', /\bnot the right time\b|\bbad timing\b|\btiming (isn'?t|is not) right\b|\bnot a good time\b/),
  r('decline', 1.5, 'suggests revisiting later', /\brevisit (this |it )?(in|next|later|after)\b|\bmaybe (later|next year|next quarter)\b/),
  r('decline', 2.5, "says they don't need it", /\b(don'?t|do not|no longer|won'?t) need\b/),
  r('decline', 3, 'a decision-maker said no', /\b(boss|ceo|cfo|manager|management|leadership|board|director|owner|founders?)\b.{0,40}\b(decided|didn'?t approve|did not approve|rejected|said no|vetoed|won'?t approve|turned (it )?down)\b|\bnot my call\b/),
  r('decline', 1, 'the project is on hold', /\bon hold\b/),
  r('decline', 1, 'a polite closing', /\bthanks? (anyway|for understanding|for your time|a lot for your time|for all your effort)\b|\bthank you for your time\b|\bappreciate (your|the) time\b/),
  r('decline', 1, 'starts with bad news', /\bunfortunately\b|\bbad news\b|\bsadly\b/),
  r('decline', 2, 'says they are not interested', /\bnot interested\b/),
  r('decline', 3, 'chose someone else', /\b(chosen|chose|selected|picked|going with|gone with|went with|hired) (another|a different|an?other) (firm|vendor|provider|partner|agency|consultant|company|supplier|option|team)\b/),
  r('decline', 3, 'says it is not a priority', /\b(isn'?t|is not|not) (a|our) priority\b|\bnot high on (our|the) (list|agenda)\b|\bdeprioriti[sz]ed\b/),
  r('decline', 3, 'will do it themselves', /\b(decided|chosen|chose|going|plan) to\b.{0,50}\b(in-?house|ourselves|internally|on our own)\b/),
  r('decline', 3, 'chose another offer', /\b(will|'ll|we'?re going to|decided to|have decided to) go with (them|another|a different|\w+ instead)\b|\bcheaper (quote|offer|option|proposal|alternative)\b/),
  r('decline', 3, 'says it is too expensive', /\bzu teuer\b/, 'de'),
  r('decline', 3, 'mentions no budget', /\bkein(en)? budget\b|\bbudget (ist )?(gestrichen|aufgebraucht)\b/, 'de'),
  r('decline', 3, 'says they decided against it', /\bgegen (eine|die|ihr|dein|euer|das) \w+ entschieden\b|\bentschieden,? (uns )?(nicht|gegen)\b|\bnicht weiterverfolgen\b|\babsagen\b|\babsage\b/, 'de'),
  r('decline', 3, 'says the timing is wrong', /\bnicht der richtige zeitpunkt\b/, 'de'),
  r('decline', 2.5, 'staying with their current provider', /\bbleiben (bei|mit) unserem\b|\bbeim bisherigen\b/, 'de'),
  r('decline', 1, 'starts with bad news', /\bleider\b/, 'de'),
  r('decline', 2.5, "says they don't need it", /\bbrauchen (das |es )?(nicht|keine\w*)\b/, 'de'),
  r('decline', 3, "says they don't need it", /\bnicht (benotigen|brauchen)\b|\bkein(en)? bedarf\b|\b(gar|aktuell) nicht (notig|erforderlich)\b/, 'de'),
  r('decline', 3, 'says it is too expensive', /\b(demasiado|muy) caro\b/, 'es'),
  r('decline', 3, 'mentions no budget', /\bsin presupuesto\b|\bno (tenemos|hay|disponemos de) presupuesto\b/, 'es'),
  r('decline', 3, 'staying with their current provider', /\b(seguir|quedarnos|continuar) con (nuestro|el|nuestra) (proveedor|socio|agencia)\b/, 'es'),
  r('decline', 3, 'says the timing is wrong', /\bno es (el|buen) momento\b/, 'es'),
  r('decline', 3, 'says they decided against it', /\bhemos decidido no\b|\bno vamos a (seguir|avanzar)\b|\bdecidido (no|seguir con)\b/, 'es'),
  r('decline', 2.5, "says they don't need it", /\bno (lo )?necesitamos\b/, 'es'),
  r('decline', 3, 'says it is more than they can spend', /\bmas de lo que podemos (invertir|pagar|gastar)\b|\blo dejamos (aqui|aca|por ahora|para mas adelante)\b/, 'es'),
  r('decline', 1, 'starts with bad news', /\blamentablemente\b|\bdesafortunadamente\b/, 'es'),
  r('decline', 3, 'says it is too expensive', /\btrop cher\b/, 'fr'),
  r('decline', 3, 'mentions no budget', /\bpas de budget\b|\bpas le budget\b/, 'fr'),
  r('decline', 3, 'says the timing is wrong', /\bpas le bon moment\b/, 'fr'),
  r('decline', 3, 'staying with their current provider', /\b(rester|continuer) avec (notre|le) (prestataire|fournisseur|partenaire)\b/, 'fr'),
  r('decline', 3, 'says they decided against it', /\bne pas donner suite\b|\bpas donner suite\b|\bavons decide de ne pas\b/, 'fr'),
  r('decline', 1.5, 'suggests revisiting later', /\breviendrons vers vous\b|\bplus tard\b|\bl'annee prochaine\b/, 'fr'),
  r('decline', 2.5, "says they don't need it", /\bn'avons (plus )?pas besoin\b/, 'fr'),
  r('decline', 1, 'starts with bad news', /\bmalheureusement\b/, 'fr'),

  // ---- stall: a deal in progress that is not moving (the four signs from the seeds)
  r('stall', 3, 'payment or deposit is held up', /\b(deposit|down ?payment|payment|invoice|po)\b.{0,60}\b(still|not yet|delayed|stuck|held up|pending|hasn'?t|haven'?t|late)\b|\b(still|not yet)\b.{0,40}\b(deposit|payment|paid)\b/),
  r('stall', 3, 'asks for a free sample before paying', /\bbefore (we|i) (pay|sign|commit|send|transfer)\b.{0,80}\b(free|pilot|sample|trial|preview)\b|\b(free|unpaid) (pilot|sample|trial|preview)\b.{0,60}\bbefore\b/),
  r('stall', 2.5, 'moves an agreed appointment again', /\b(cancel|reschedul|postpon|push|mov)\w*\b.{0,40}\b(again|kick-?off|meeting|call|appointment|start date|session)\b|\bmissed (our|the) (call|meeting|appointment|session)\b/),
  r('stall', 2, 'expects the original timeline to hold', /\bkeep (the|that|this|our) (original |agreed |start )?(deadline|date|go-?live|launch|timeline|schedule|start)\b|\bstill (keep|hit|make) the\b|\bkeep the \w+ \d+ (launch|go-?live|deadline)\b/),
  r('stall', 2, 'approval still pending', /\b(still|not yet)\b.{0,40}\b(sign-?off|approv\w*|signed|budget release)\b|\bstuck in (our |the )?approval\b/),
  r('stall', 1.5, 'apologises for going quiet', /\bsorry for the (radio silence|delay|late reply|slow reply|silence)\b|\bapologies,? (for the delay|i have to)\b|\bcrazy week\b/),
  r('stall', 1.5, "critical information hasn't arrived", /\bhasn'?t (gotten|got|come) back\b|\bhaven'?t heard back\b|\bstill waiting (on|for)\b/),
  r('stall', 1.5, 'asks for more time', /\bneed (a bit |a little |some )?more time\b|\bstill (interested|deciding|reviewing)\b/),
  r('stall', 1.5, 'proposes trying again later', /\b(let'?s|we can|can we) (try again|find another (slot|date|time))\b/),
  r('stall', 2, 'taking longer than planned', /\btaking longer than (expected|planned|we thought)\b|\bstill need to (review|discuss|decide|get|check)\b|\bdropped the ball\b/),
  r('stall', 1, 'will come back later', /\b(will|i'?ll|we'?ll) (come|get) back to you\b/),
  r('stall', 2, 'paperwork is held up on their side', /\bsitting with (our|the) (legal|finance|procurement|cfo|lawyers?)\b|\b(legal|procurement|finance) (team )?(is|are) (slow|still|reviewing)\b|\bpaperwork\b/),
  r('stall', 0.5, 'reply in an ongoing thread', /^(re|aw|rv|tr|sv|antw)\s*:/, undefined, true),
  r('stall', 3, 'payment or deposit is held up', /\b(anzahlung|zahlung|rechnung)\b.{0,60}\b(noch nicht|verzogert|hangt)\b/, 'de'),
  r('stall', 2, 'asks for more time', /\bnoch (etwas |ein wenig )?zeit\b|\bintern noch\b/, 'de'),
  r('stall', 2, 'expects the original timeline to hold', /\b(termin|starttermin|zeitplan|deadline) (trotzdem |noch )?halten\b/, 'de'),
  r('stall', 1.5, 'apologises for going quiet', /\bentschuldig\w* (die|fur die) spate\b|\bsorry fur die spate\b/, 'de'),
  r('stall', 1.5, 'will come back later', /\bich melde mich,? sobald\b|\bmelde mich (wieder|spater)\b/, 'de'),
  r('stall', 2.5, 'moves an agreed appointment again', /\bverschieben\b|\babsagen mussen\b/, 'de'),
  r('stall', 2, 'approval still pending', /\bnoch keine (freigabe|entscheidung)\b|\bentscheidung liegt\b/, 'de'),
  r('stall', 3, 'payment or deposit is held up', /\b(anticipo|pago|deposito)\b.{0,60}\b(todavia no|aun no|pendiente|retrasado)\b|\b(todavia|aun) no hemos podido (aprobar|pagar)\b/, 'es'),
  r('stall', 1.5, 'apologises for going quiet', /\bperdona (la|el) (demora|retraso)\b|\bdisculpa (la demora|el retraso)\b/, 'es'),
  r('stall', 2, 'asks for more time', /\bnecesitamos (mas|un poco mas de) tiempo\b/, 'es'),
  r('stall', 2.5, 'moves an agreed appointment again', /\baplazar\b|\bposponer\b|\bcambiar la (reunion|fecha)\b/, 'es'),
  r('stall', 3, 'asks for a free sample before paying', /\bechantillon\b.{0,80}\bavant\b|\bavant (le|la) (premier )?(acompte|paiement|signature)\b/, 'fr'),
  r('stall', 2, 'no progress on their side', /\bpas encore pu\b/, 'fr'),
  r('stall', 1.5, 'apologises for going quiet', /\bdesolee?\b|\bpardon pour (le|la) (retard|delai)\b/, 'fr'),
  r('stall', 2.5, 'moves an agreed appointment again', /\breporter\b|\bdecaler\b/, 'fr'),
  r('stall', 2, 'asks for more time', /\bplus de temps\b/, 'fr'),

  // ---- vendor pitch: they want to sell to the rep
  r('vendor_pitch', 3, 'describes what their company sells', /\b(we|i) help (b2b |small |busy |growing )?(companies|businesses|teams|consultan\w*|firms|agencies|coaches|founders|startups|brands|saas)\b|\bhelping (coaches|consultants|companies|businesses|b2b|agencies|founders|brands)\b/),
  r('vendor_pitch', 2.5, 'asks for a short call or demo', /\b(\d+|fifteen|twenty|ten)[- ]?(min|mins|minutes?)\b.{0,30}\b(call|chat|demo|meeting)\b|\bopen to a (quick |short |brief )?(call|chat|demo|conversation)\b|\b(quick|short|brief) (demo|intro call)\b/),
  r('vendor_pitch', 1.5, 'talks about their product', /\b(our|my) (platform|software|tool|solution|agency|product|portfolio|case studies)\b|\bwe are a (team|company|agency)\b|\bwe(?:'re| are) an? (\w+ ){1,3}(agency|company|studio|firm)\b/),
  r('vendor_pitch', 2, 'promises meetings or leads', /\bbook (\d+\+? )?(more )?(qualified )?meetings\b|\blead gen\w*\b|\bqualified (leads|meetings)\b|\btop rank\w*\b/),
  r('vendor_pitch', 2, 'bulk-mail footer', /\bunsubscribe\b|\breply stop\b|\bopt[- ]out\b/),
  r('vendor_pitch', 2, 'addressed to nobody in particular', /\bdear (business owner|sir|sir\/madam|sir or madam|owner)\b/),
  r('vendor_pitch', 2, 'quotes their own prices', /\b(affordable|competitive|best|low) (price|prices|rates|pricing)\b|\bprice list\b|\$\d+ ?(per|\/) ?(hour|hr|month)\b|\bper hour\b|\bsponsorship packages?\b/),
  r('vendor_pitch', 2, 'offers to send samples or a deck', /\bsend (you )?(over )?(a few |some )?(samples|case studies|our deck|the deck|proposal and price)\b|\bshare our (portfolio|case studies|deck)\b|\bsend you the deck\b/),
  r('vendor_pitch', 1.5, 'fishes for a need', /\bif it'?s a fit\b|\bsee if (it'?s|we'?re|there'?s) a (good )?fit\b|\bif you have any requirements?\b|\b(noticed|came across|saw) (your|that your)\b|\byour profile came up\b/),
  r('vendor_pitch', 2, 'dedicated developers for hire', /\bdedicated (developers?|team|resources)\b/),
  r('vendor_pitch', 2.5, 'sells to "teams like yours"', /\b(teams|companies|firms|consultancies|businesses|agencies|people) like (yours|you)\b/),
  r('vendor_pitch', 2.5, 'asks for a short call or demo', /\bworth a (quick |short )?(chat|call|conversation|look)\b|\b(my|our) calendar\b|\bcalendly\b|\bgrab (a|some) time\b/),
  r('vendor_pitch', 2, 'claims results for their customers', /\b(customers|clients|teams|companies) using (us|our)\b|\bour (customers|clients) (save|see|get|generate)\b/),
  r('vendor_pitch', 2.5, 'promises new clients', /\b(land|get|win|book|add) (\d+[-–]?\d* )?(new |more )?(clients|customers|meetings|leads|deals) (a|per|every) (month|week)\b|\bopen to hearing (how|more)\b/),
  r('vendor_pitch', 2.5, 'offers their product', /\bunsere (software|losung|plattform|agentur|tool)\b|\bkonnte fur sie interessant sein\b/, 'de'),
  r('vendor_pitch', 2, 'promises savings', /\bsparen (sie )?bis zu\b|\bautomatisieren sie\b/, 'de'),
  r('vendor_pitch', 3, 'describes what their company sells', /\bwir sind (eine|ein) (\w+ ){0,2}(agentur|anbieter|dienstleister|softwareanbieter)\b|\bhelfen (beratern|unternehmen|teams|firmen|vertriebsteams)\b/, 'de'),
  r('vendor_pitch', 2, 'offers to send samples', /\bbeispiele (zu )?schicken\b|\bunverbindlich\w*\b|\bzu fairen preisen\b|\bgerne erstellen wir\b/, 'de'),
  r('vendor_pitch', 2, 'asks for a short call or demo', /\b\d+ minuten\b.{0,30}\b(demo|gesprach|call|telefonat)\b|\bkurze(n)? demo\b/, 'de'),
  r('vendor_pitch', 3, 'offers their services', /\bofrecemos\b|\bnuestros servicios\b/, 'es'),
  r('vendor_pitch', 2, 'quotes their own prices', /\bprecios (muy )?competitivos\b/, 'es'),
  r('vendor_pitch', 2, 'asks for a short call or demo', /\b\d+ minutos\b/, 'es'),
  r('vendor_pitch', 2.5, 'offers their product', /\bnotre (solution|plateforme|logiciel|outil|agence)\b|\bpourrai(t|ent) vous interesser\b/, 'fr'),
  r('vendor_pitch', 2, 'asks for a short call or demo', /\bdemo de \d+ minutes\b|\b\d+ minutes\b/, 'fr'),
  r('vendor_pitch', 2.5, 'sells to "firms like yours"', /\bcomme (le|la) votre\b|\baudit gratuit\b|\bj'ai remarque\b/, 'fr'),
  r('vendor_pitch', 2.5, 'sells to "firms like yours"', /\bayudamos a (empresas|consultoras|equipos|pymes|negocios)\b|\bcomo la tuya\b|\bcomo el tuyo\b|\btrabajamos a exito\b/, 'es'),

  // ---- job: they want to work for the rep
  r('job', 3, 'asks about openings', /\b(any|open) (openings|positions|roles|vacancies|jobs)\b|\bopenings? for\b|\bapply(ing)? for\b|\bapplication (for|as)\b|\bare you hiring\b|\bjoin your team\b/),
  r('job', 3, 'mentions their CV', /\b(my )?(cv|resume)\b.{0,20}\b(attached|below|link)\b|\battached (is )?my (cv|resume)\b|\bmy (cv|resume)\b/),
  r('job', 3, 'asks for an internship', /\binternship\b/),
  r('job', 3, 'looking for their next role', /\b(my next|a new) (role|job|position|opportunity|challenge)\b|\bif you'?re (growing|hiring|expanding) (the |your )?team\b/),
  r('job', 2.5, 'offers to work as a freelancer', /\bsubcontract\w*\b|\bextra pair of hands\b|\bavailab(le|ility) from\b|\bfreelance \w+ with availability\b/),
  r('job', 3, 'a job application', /^(application|job application|candidature|bewerbung|initiativbewerbung|solicitud de (empleo|trabajo|practicas))\b/, undefined, true),
  r('job', 3, 'a job application', /\bbewerb\w*\b|\blebenslauf\b|\bwerkstudent\w*\b|\bpraktikum\b/, 'de'),
  r('job', 3, 'a job application', /\bcurriculum\b|\bbuscando personal\b|\bpuesto de\b|\bvacante\b|\bpracticas\b/, 'es'),
  r('job', 3, 'a job application', /\bcandidature\b|\bstage (en|de|dans|a partir)\b|\balternance\b/, 'fr'),

  // ---- partnership: working side by side, not buying or selling
  r('partnership', 3, 'proposes a partnership', /\bpartnership\b|\bpartner (with|up)\b|\breferral (partner\w*|agreement|arrangement|program\w*|deal)\b|\blooking for a partner\b/),
  r('partnership', 3, 'proposes co-marketing', /\bco-?(host|market|marketing|author|create|present)\w*\b|\bcross-?promot\w*\b|\bshare the audience\b/),
  r('partnership', 3, 'reseller or white label', /\bwhite[- ]label\b|\breseller\b|\bresell\b/),
  r('partnership', 2, 'suggests working together', /\bexplore (working together|a collaboration|collaborating)\b|\bcollaborat\w*\b/),
  r('partnership', 1, 'suggests working together', /\bwork(ing)? together\b/),
  r('partnership', 2, 'proposes swapping referrals', /\bsend \w+ (projects|clients|work) (your|our) way\b|\byou send \w+ (projects|clients) ours\b/),
  r('partnership', 2.5, 'proposes swapping referrals', /\brefer (clients|customers|leads|work|projects|people) to each other\b|\b(good|win-win|beneficial) for both( of us)?\b|\bwin-win\b|\bmutual(ly)? benef\w*\b/),
  r('partnership', 3, 'proposes a partnership', /\bkooperation\b|\bpartnerschaft\b/, 'de'),
  r('partnership', 3, 'proposes a partnership', /\balianza\b|\bcolaboracion\b|\bsocios?\b/, 'es'),
  r('partnership', 3, 'proposes a partnership', /\bpartenariat\b|\bpartenaire\b/, 'fr'),

  // ---- research: students, journalists, surveys
  r('research', 3, 'writing a thesis', /\b(thesis|dissertation)\b/),
  r('research', 2.5, 'a student', /\bi'?m a (master'?s |phd |mba |bachelor'?s |university )?student\b|\bstudents? at\b|\bwe'?re (\w+ )?students\b/),
  r('research', 2, 'asks for a survey or interview', /\bsurvey\b|\bquestionnaire\b|\bshort interview\b/),
  r('research', 1.5, 'doing research', /\bresearch(ing)? (how|why|what|on|into)\b/),
  r('research', 2, 'asks for answers to a few questions', /\banswer (a few|some|\d+|ten|five|three) (short |quick )?questions\b|\bfor (my|a) (university|class|course|study)\b/),
  r('research', 3, 'a journalist', /\bjournalist\b|\bwriting (a|an) (piece|article|story|book)\b|\bcould i quote you\b|\bfor (an|a|my) (article|podcast episode|story)\b/),
  r('research', 3, 'writing a thesis', /\b(master|bachelor|doktor)arbeit\b/, 'de'),
  r('research', 2, 'asks for a survey or interview', /\bumfrage\b|\binterview\b|\buntersuche\b/, 'de'),
  r('research', 3, 'writing a thesis', /\btesis\b|\btfm\b|\btfg\b/, 'es'),
  r('research', 2, 'asks for a survey or interview', /\bencuesta\b|\bentrevista\b/, 'es'),
  r('research', 2, 'a student', /\bestudiante\b/, 'es'),
  r('research', 2, 'a university study', /\bestudio (sobre|para la universidad|de investigacion)\b|\buniversidad\b|\b(contestar|responder) (\w+ ){0,2}preguntas\b/, 'es'),
  r('research', 3, 'writing a thesis', /\bmemoire\b|\bthese\b/, 'fr'),
  r('research', 2, 'asks for a survey or interview', /\benquete\b|\bquestionnaire\b|\bentretien\b/, 'fr'),
  r('research', 2, 'a student', /\betudiante?\b/, 'fr'),

  // ---- support: an existing client with a problem in delivered work
  r('support', 2.5, 'something stopped working', /\b(stopped|stops|isn'?t|is not|not|no longer) (working|syncing|logging|loading|arriving|updating)\b|\bbroken\b|\berror\b|\bbug\b|\bnever arrives\b|\bdisconnected\b/),
  r('support', 2.5, "can't access something", /\bcan'?t (log ?in|login|access|sign in|open)\b|\bpassword reset\b|\blocked out\b/),
  r('support', 2, 'refers to work you delivered', /\b(you|u) (set up|built|configured) (for us|for me)\b|\bthe \w+ (you|u) set up\b|\bfrom the (workshop|training|course)\b|\bfrom your (course|training|workshop)\b/),
  r('support', 2, 'something does not add up', /\bam i doing something wrong\b|\bdoesn'?t add up\b|\bdoes not work\b|\bdoesn'?t work\b/),
  r('support', 1.5, 'asks you to take a look', /\bcan you (take a look|have a look|look into)\b|\bcould you (take a look|have a look)\b/),
  r('support', 2, 'refers to work you delivered', /\b(you|u) (configured|set up|built|created|installed|implemented) (in|for|on)\b/),
  r('support', 2, 'asks what went wrong', /\bany idea what'?s (going on|wrong|happening)\b|\bwhat'?s going on\b|\bsince (monday|tuesday|wednesday|thursday|friday|yesterday|the weekend|the update|last week)\b/),
  r('support', 2.5, 'something stopped working', /\bproblem\b|\bfehler\b|\bfunktioniert (nicht|nicht mehr)\b|\bdubletten\b/, 'de'),
  r('support', 1.5, 'asks you to take a look', /\bkannst du dir das (anschauen|ansehen)\b|\bschauen sie sich das\b/, 'de'),
  r('support', 2.5, 'something stopped working', /\bno funciona\b|\bproblema\b|\berror\b/, 'es'),
  r('support', 2, 'refers to work you delivered', /\bque (montaste|configuraste|hiciste)\b|\bya no (muestra|funciona|sincroniza)\b|\bpuedes revisarlo\b/, 'es'),
  r('support', 2.5, 'something stopped working', /\bne fonctionne (pas|plus)\b|\bprobleme\b|\berreur\b/, 'fr'),

  // ---- intro: someone connects the rep with a third person
  r('intro', 3, 'introduces someone', /\bintroduc(e|ing) (you to|you both|you two|\w+ to you)\b|\bi'?d like to introduce\b|\bconnecting you\b|\bconnect you (two|both|with)\b|\bmeet [a-z]+\s*[,.:—–-]/),
  r('intro', 2, 'addressed to both of you', /\bhi (both|all|you two)\b|\byou two\b|\btake it from here\b|\bmove me to bcc\b/),
  r('intro', 2, 'an introduction email', /\bintro\b|\bintroduc\w*\b|<>/, undefined, true),
  r('intro', 3, 'introduces someone', /\b(te|os|le|les) presento\b|^presentacion:/, 'es'),
  r('intro', 3, 'introduces someone', /\bvorstellen\b|\bbekannt machen\b/, 'de'),
  r('intro', 3, 'introduces someone', /\bje (vous|te) presente\b|\bmettre en relation\b/, 'fr'),

  // ---- purchase: they may want to buy
  r('purchase', 3, 'asks for a quote', /\b(send|give|share|prepare|get) (me |us )?(a |an |your )?(quote|proposal|estimate|offer)\b|\blooking for a quote\b|\bfor a quote\b|\bwould love a (proposal|quote)\b/),
  r('purchase', 3, 'asks about price', /\bhow much\b|\bwhat (do|would|does) (you|it|that|this|a project like that|an engagement like that) (charge|cost)\b|\bwhat would (that|it|this|a \w+ like that) cost\b|\byour (rates|fees|pricing|prices)\b|\bcost roughly\b|\bwhat do you charge\b/),
  r('purchase', 2.5, 'asks "do you offer …"', /\bdo (you|u) (guys )?(offer|do|provide|handle|run|manage|sell|produce|build)\b|\bsomething you (do|offer)\b|\bcan you (help us|build|sell|handle|manage|set up|do)\b|\bcould you (help us|build|set up|handle|do)\b/),
  r('purchase', 2, 'looking for a provider', /\b(we'?re|we are|i'?m|i am) looking for (someone|an agency|a consultant|help|a company|an expert|a provider)\b|\bneed (someone|an agency) (to|for)\b/),
  r('purchase', 1.5, 'describes a project they want to start', /\bwe (want|would like|need|plan|'d like|finally want) to (implement|move|migrate|set up|roll out|introduce|improve|start|switch)\b|\bneed (it|this) done\b/),
  r('purchase', 1.5, 'asks what an engagement looks like', /\bengagement\b|\binvestment\b|\bbudget is\b|\bbudget (of|around)\b|\bwhat (would )?that (would )?look like\b|\bwhat does .{0,30} look like\b/),
  r('purchase', 1.5, 'interested in a programme', /\binterested in (a|an|your)\b.{0,30}\b(program\w*|workshop|project|training|service)\b/),
  r('purchase', 1, 'asks to learn more', /\btell me more about what you do\b|\bmore about (your|what you)\b/),
  r('purchase', 2.5, 'asks "is that something you do"', /\b(is that|is this|is it) (something|a service|a project|work) (you|that you)\b|\b(something|a service) you (take on|provide)\b|\bavailable for (a|this|the|such a) (project|engagement)\b|\byou can do (this|that|it)\b/),
  r('purchase', 2, 'looking for a provider', /\bwe'?d like someone to\b|\bneed someone to\b|\blooking for someone to\b/),
  r('purchase', 2, 'asks for help with a project', /\bwe need (help|support|outside help|external help)\b|\bneed (outside|external|professional) help\b|\bwould you be (up for it|interested in helping|available to help)\b/),
  r('purchase', 2, 'asks for a rough estimate', /\b(rough|ballpark) (idea|figure|estimate|number)\b|\bapproach and (cost|price|pricing)\b/),
  r('purchase', 1.5, 'asks about fees', /\b(discuss|your|the) fees?\b|\bhow much cost\b/),
  r('purchase', 3, 'asks for a quote', /\bangebot (fur|uber)\b|\bkostenvoranschlag\b|\bein angebot\b/, 'de'),
  r('purchase', 3, 'asks about price', /\bwas kostet\b|\bwas kosten\b|\bpreisvorstellung\b|\bihre preise\b|\bwas (wurde|wurden) .{0,30} kosten\b/, 'de'),
  r('purchase', 2.5, 'asks "do you offer …"', /\bmachen sie auch\b|\bbieten sie\b|\bkonnen sie uns\b|\bmacht ihr auch\b/, 'de'),
  r('purchase', 1.5, 'describes a project they want to start', /\bmochten .{0,40} einfuhren\b|\bwir brauchen (eine|einen|ein)\b/, 'de'),
  r('purchase', 3, 'asks for a quote', /\b(enviar|mandar)(nos)? (un|una) (presupuesto|cotizacion|propuesta)\b|\bcotizacion\b/, 'es'),
  r('purchase', 3, 'asks about price', /\bcuanto (cobra\w*|cuesta\w*|costar\w*)\b|\bque precio\b|\bsus tarifas\b/, 'es'),
  r('purchase', 2.5, 'asks "do you offer …"', /\b(llevan|ofrecen|hacen|trabajan)\b.{0,60}\?|\bnecesitamos a alguien\b/, 'es'),
  r('purchase', 1.5, 'describes a project they want to start', /\bqueremos (implementar|contratar|mejorar|cambiar|migrar)\b/, 'es'),
  r('purchase', 3, 'asks for a quote', /\bdevis\b/, 'fr'),
  r('purchase', 3, 'asks about price', /\b(quels sont )?vos tarifs\b|\bcombien\b|\bquel (serait le |est le )?prix\b/, 'fr'),
  r('purchase', 2.5, 'asks "do you offer …"', /\bproposez[- ]vous\b|\best-ce que vous proposez\b|\bvous proposez ce service\b|\bnous cherchons (une|un) (agence|prestataire|consultant)\b/, 'fr'),
  r('purchase', 1.5, 'describes a project they want to start', /\bnous (souhaitons|voulons) (mettre en place|implementer|ameliorer)\b/, 'fr'),

  // ---- advice: a question for the rep's expertise, no purchase in view
  r('advice', 3, 'asks for a recommendation', /\bwhat would you recommend\b|\bwould you recommend\b|\bwhat do you (recommend|suggest|think)\b|\byour (take|thoughts|opinion|view) on\b|\bany (advice|tips|recommendations?|suggestions?|pointers)\b|\bhow many \w+ (would|should) (you|we)\b|\bwhich \w+ (software|tool|crm)\b.{0,40}\b(use|recommend)\b/),
  r('advice', 2, 'asks how to do something', /\bhow (do|should|would|can) (i|we|you)\b|\bis it better to\b/),
  r('advice', 1.5, 'a quick question', /\bquick question\b|\brandom question\b|\bcurious\b|\bi'?m (a bit )?lost\b/),
  r('advice', 2.5, 'not buying, only asking', /\bnot looking to (hire|buy)\b|\bjust curious\b/),
  r('advice', 1, 'asks for tips', /\btips?\b|\badvice\b/),
  r('advice', 2, 'asks about your experience', /\byour experience\b|\bworth (it|paying|the money)\b|\boverkill\b|\b\w+ (or|vs\.?|versus) \w+\s*\?/),
  r('advice', 3, 'asks for a recommendation', /\b(wurden|wurdest|wuerdest) (sie|du)\b.{0,120}\?|\b(deine|ihre|eure) erfahrung\b|\bwas passt besser\b|\bnehmen sollen\b|\bempfehl\w*\b|\btipps?\b|\bkurze frage\b/, 'de'),
  r('advice', 3, 'asks for a recommendation', /\brecomiend\w*\b|\brecomendacion\w*\b|\bconsejos?\b/, 'es'),
  r('advice', 3, 'asks for a recommendation', /\b(un|des|vos|votre|quelques|de) conseils?\b|\bconseilleriez\b|\brecommand\w*\b|\bqu'en pensez\b/, 'fr'),

  // ---- other: auto-replies, thank-yous, invitations, list removals
  r('other', 5, 'an automatic reply', /\bout of (the )?office\b|\bautomatic reply\b|\bauto-?reply\b|\babwesenheitsnotiz\b|\bfuera de la oficina\b|\babsente? du bureau\b|\breponse automatique\b/),
  r('other', 4, 'asks to be removed from a list', /\b(remove|unsubscribe) me\b|\btake me off\b|\bstop (emailing|sending)\b/),
  r('other', 3, 'a thank-you note', /\b(wanted to )?(say )?thanks? (you )?for the (checklist|template|article|tip|intro|introduction|recommendation|help)\b|\bno action needed\b/),
  r('other', 2.5, 'an invitation', /\b(come on|be|appear) as (a|our) guest\b|\bguest on (my|our) (podcast|show)\b|\bwould you like to join\b|\binvit(e|ation|ing) you\b|\bdinner\b|\bmeetup\b/),

  // ---- word-level cues: weaker, broader evidence, so phrasings the phrase rules above don't know still add up.
  r('purchase', 1.5, 'mentions price or a quote', /\b(quote|quotation|estimate|estimation|pricing|prices?|fees?|investment)\b|(?<!\bno )\bcosts?\b|(?<!day )\brates\b/),
  r('purchase', 1.5, 'mentions price or a quote', /\b(angebot|kostenvoranschlag|kosten|preis\w*|honorar|tagessatz|presupuesto|precios?|coste|costo|cotizacion|tarifas?|honorarios|devis|tarifs?|prix|cout|chiffrage)\b/),
  r('purchase', 0.75, 'describes a project', /\b(onboarding|implementation|implement\w*|rollout|roll out|set ?up|configure|configuration|audit|audits|project|engagement|consolidat\w*|einfuhr\w*|einrichten|umsetzung|projekt|implementar|implementacion|proyecto|mise en place|projet|accompagnement)\b/),
  r('purchase', 2.5, 'asks "is that something you do"', /\b(quelque chose que vous faites|est-ce que vous (faites|proposez|pouvez)|vous faites (aussi|egalement|ca)|ubernehmen sie( auch)?|bieten sie( auch)?|macht ihr( auch)?|haceis|ofreceis|trabajais|llevais|podeis hacer|pueden hacer)\b/),
  r('purchase', 1, 'asks how long it would take', /\bhow long (would|will|does) (it|that|this) take\b|\bwie lange (dauert|wurde)\b|\bcuanto (tiempo|tardaria)\b|\bcombien de temps\b/),
  r('purchase', 0.5, 'states a need', /\b(we need|we want|we'?d like|i need|i'?d like|looking for|souhaite\w*|suchen|buscamos|cherchons|necesitamos)\b/),
  r('advice', 1, 'asks an open question', /\b(what|which|how|why|wie|was|welche|como|que|cual|comment|quel|quelle|quels)\b[^.?!\n]{0,100}\?/),
  r('advice', 2.5, 'asks how you do it', /\bwhat (questions|do you use|would you do|works|has worked|is your approach)\b|\bhow do you (handle|respond|deal|get|run|decide|approach|structure|keep|stop|avoid)\b|\basking for a friend\b/),
  r('advice', 2.5, 'asks how you do it', /\bcomo (respondes|manejas|haces|gestionas|lo haces|lo harias|tratas)\b|\buna duda\b|\bwie (gehst du|gehen sie|machst du|machen sie|handhabst du|wurdest du)\b|\bcomment (faites-vous|gerez-vous|vous y prenez|feriez-vous)\b/),
  r('vendor_pitch', 2, 'describes what they provide', /\b(we|wir|nous) (generate|generieren|generons|deliver|liefern|provide)\b|\bgeneramos\b|\bofrecemos\b/),
  r('vendor_pitch', 1, 'talks about lead generation', /\b(leads?|neukunden|kaltakquise|cold calling|outbound|rendez-vous qualifies|reuniones con decisores)\b/),
  r('vendor_pitch', 2, 'asks "interested?"', /\binterested\s*\?|\binteresse an einem\b|\bte interesa\b|\bvous interesse\b|\bserait-ce interessant\b/),
  r('vendor_pitch', 1.5, 'sells exposure or a package', /\b(package|listeners|subscribers|audience of|feature you|featured guest|sponsored)\b/),
  r('vendor_pitch', 2, 'asks for a one-word reply', /\breply (yes|y|stop|interested|1)\b/),
  r('vendor_pitch', 2.5, 'asks for a short call', /\bkurze(n|r)? (austausch|gesprach|call|termin|telefonat)\b|\b(breve|corta) (llamada|reunion|charla)\b|\b(court|bref|petit) (echange|appel|rendez-vous)\b|\bquick (chat|call)\b/),
  r('vendor_pitch', 1.5, 'promises results', /\bplanbar\b|\bguaranteed\b|\bgarantiert\b|\bwithout cold calling\b|\bohne kaltakquise\b/),
  r('job', 2, 'mentions a CV', /\b(cv|resume|lebenslauf|curriculum)\b/),
  r('job', 2.5, 'asks whether you are hiring', /\b(recrutez|recrutez-vous|embauchez|einstellen|stellt ihr|contratando|contratais|sucht ihr (zufallig )?jemanden)\b|\bare you (hiring|recruiting)\b/),
  r('job', 1, 'mentions a role', /\b(role|position|poste|stelle|puesto|job|empleo|emploi|opportunit(y|ies))\b/),
  r('job', 3, 'looking for a job', /\b(cherche|recherche|suche|busco)\b.{0,30}\b(poste|emploi|stage|alternance|stelle|job|trabajo|empleo|practicas|einstieg)\b/),
  r('job', 2.5, 'offers contract work', /\b(contract|freelance) (work|projects?|gigs?|roles?)\b|\bday rate\b|\btake on interns\b|\binterns\b/),
  r('partnership', 3, 'mentions a partner programme', /\bpartner (program\w*|network|ecosystem)\b/),
  r('partnership', 2, 'mentions revenue sharing', /\brevenue share\b|\brev share\b|\breferral fees?\b|\baffiliate\b|\bderivar(te|os)?\b|\breferir(te|os)?\b/),
  r('research', 1.5, 'academic sender', /\b(research group|researchers?|university|universite|universitat|universidad|professor|phd|faculty|anonymous|academic)\b/),
  r('support', 2, 'refers to work you delivered', /(?<!\b(can|could|would|will|to|do|did|if|should|when|once|might|may) )\b(you|u) (set up|built|configured|created|installed|implemented|made)\b|\b(eingerichtet|aufgesetzt|konfiguriert) hast\b|\bque (vous )?(nous )?avez (mis en place|configure|installe)\b/),
  r('support', 1.5, 'asks how to use what you delivered', /\b(how do i|how can i|wie kann ich|como puedo|comment puis-je)\b.{0,40}\b(add|remove|reset|change|export|hinzufugen|anadir|ajouter)\b|\bcan'?t find\b|\bfinde (es|das) nicht\b/),
  r('support', 2, 'something broke after a change', /\bseit (dem|der|gestern|montag|letzter|letztem)\b|\bworan (das|es) liegt\b|\bfalsche (zahlen|summen|werte)\b|\bdesde (ayer|el lunes|la actualizacion)\b|\bdepuis (hier|lundi|la mise a jour)\b/),
  r('intro', 2.5, 'hands the conversation over', /\byou two should\b|\bover to you\b|\bshould (talk|meet|connect)\b|\bi'?ll leave it to you\b|\bje vous laisse (echanger|en contact)\b|\bos dejo (en contacto|hablar)\b|\bich uberlasse euch\b/),
  r('intro', 1, 'copies in a third person', /\b(cc'?d|looping in|adding \w+ \(cc\)|in cc|en copie|en copia)\b/),
  r('stall', 1, 'apologises', /\b(sorry|apologies|apologi[sz]e|entschuldig\w*|perdon\w*|disculp\w*|desolee?|lo siento)\b/),
  r('stall', 1, 'dates are moving', /\b(slipping|slipped|delayed|postpone\w*|reschedul\w*|another time|another date|pick another|next week|next month|semana que viene|la semaine prochaine|nachste woche)\b/),
  r('stall', 2.5, 'missed an appointment', /\b(didn'?t|did not|couldn'?t|could not) (show up|make it|attend|join)\b|\bno-?show\b|\bmissed (our|the|you)\b/),
  r('stall', 2, 'wants something before signing or paying', /\b(before|antes de|avant de|bevor)\b.{0,30}\b(sign|signing|we sign|firmar|signer|unterschreiben|pay|paying|pagar|payer|zahlen)\b/),
  r('stall', 1, 'asks for something free', /\b(free|gratis|gratuit\w*|kostenlos\w*|de prueba|trial|pilot)\b/),
  r('stall', 2, 'expects you to hold terms', /\b(hold|reserve|keep) (the team|the slot|the date|our slot|the price|the offer)\b|\bstill hold\b|\bback and forth\b/),
  r('stall', 1, 'waiting on an approval', /\b(budget release|approval|sign-?off|freigabe|aprobacion|validation)\b/),
  r('decline', 1, 'mentions a decision', /\b(decided|decision|chosen|chose|opted|finalement|finalmente|al final|choisi|elegido|entschieden)\b/),
  r('decline', 2.5, 'picked another provider', /\b(another|other|autre|otro|otra|anderen|anderer)\b.{0,15}\b(firm|vendor|provider|prestataire|fournisseur|proveedor|anbieter|agency|agence|agencia|consultant|consultora|dienstleister)\b/),
  r('decline', 1, 'sounds disappointed', /\b(afraid|disappointed|regret|sadly|lo siento|desole)\b/),
  r('decline', 2, 'a veto', /\b(vetoed|veto|rejected|abgelehnt|rechazado|refuse)\b/),
  r('decline', 1.5, 'will do it themselves', /\b(ourselves|in-?house|nosotros mismos|nous-memes|selbst machen)\b|\bfree (tier|plan|version)\b/),
  r('decline', 2, "says they can't take it on", /\b(no podemos|ne pouvons pas|konnen (wir )?(das )?(aktuell |derzeit )?nicht|can'?t (take|commit|afford|justify))\b/),
  r('decline', 1, 'other priorities', /\b(prioridades|priorites|prioritaten|priorities)\b|\ba tope\b/),

  // ---- more phrasings, per intent: ways people actually word these that the sections above did not cover
  r('decline', 2.5, 'keeps working with someone else', /\b(keep|keeping|continue|continuing|stay|staying|stick|sticking) (working )?with (the|our|their|them|him|her)\b/),
  r('decline', 3, 'says no', /\b(have to|going to|need to|must|we'?ll) say no\b|\bturn (it|this) down\b|\bnot (go|going|move|moving) ahead\b|\bwon'?t (be )?(going ahead|proceeding|moving ahead)\b|\bdecided (not|against)\b/),
  r('decline', 3, 'says it is above their budget', /\b(well )?(above|over|beyond|more than) (what )?(we|our) (budgeted|budget|can spend|expected|planned)\b/),
  r('decline', 2.5, 'says not for now', /\bvorerst nicht\b|\bnicht anzugehen\b|\bnicht weiterverfolgen\b|\bschade\b|\bno vamos a (contratar|seguir|avanzar|continuar)\b|\bnous ne (allons|pourrons) pas\b|\bne pas poursuivre\b/),
  r('vendor_pitch', 3, 'boasts about their clients', /\b(has |have )?helped (\d+\+? )?(b2b |small |saas |other )?(companies|businesses|teams|clients|firms|consultancies|agencies)\b|\b(most|many) (consultancies|companies|teams|firms|businesses|agencies) (we talk to|we work with|we see|like yours)\b/),
  r('vendor_pitch', 2.5, 'asks for a short call', /\b(do you have|got|have you got) (\d+|a few|fifteen|ten|twenty) (min|mins|minutes)\b|\bfill your (calendar|pipeline)\b/),
  r('vendor_pitch', 2, 'offers something free to get in', /\bfree (report|audit|analysis|assessment|consultation|review|sample)\b|\b(can|may|shall) i send you\b/),
  r('vendor_pitch', 2.5, 'presents their services', /\bsomos una (agencia|empresa|consultora)\b|\bnuestras tarifas\b|\bpor si (le|te) interesa\b|\bpresentacion de (servicios|empresa|nuestra)\b/),
  r('job', 3, 'wants to join your team', /\b(be part of|join|joining) your team\b|\bare you looking for (consultants|people|new colleagues|team members|someone like me)\b/),
  r('job', 1.5, 'noticed you are growing', /\bis (expanding|growing|hiring)\b/),
  r('purchase', 2, 'asks how you work', /\bhow you (usually |typically |normally )?work with\b|\b(recommended you|referred me to you|gave me your name|suggested (i|we) (contact|reach out to|talk to) you)\b/),
  r('purchase', 1.5, 'describes a project they want to start', /\b(want|would like|need|plan|'d like) to (start using|implement|migrate|set up|roll out|introduce|switch to|get started with)\b/),
  r('purchase', 2.5, 'looking for a consultant', /\b(buscando|buscamos) (un|una) (consultor|consultora|agencia|empresa|proveedor|experto|especialista)\b|\bnos ayude\b/),
  r('purchase', 1.5, 'asks for information about your services', /\b(send|share) (me|us) (some |more )?(info|information|details)\b|\benviarnos informacion\b|\binformacion sobre sus servicios\b|\binformations sur vos (services|prestations)\b/),
  r('advice', 2, 'asks what you use', /\bdo you use\b|\bquick one\b|\bor something else\b|\bwie siehst du das\b|\bwas meinst du\b|\bwie sehen sie das\b|\bqu'en penses-tu\b|\bque opinas\b/),
  r('partnership', 3, 'proposes a joint project', /\bjoint (workshop|webinar|event|offer|venture|project|session)\b|\bsplit the (costs?|work|revenue|organi[sz]ing)\b/),
  r('research', 2.5, 'a course project or article', /\b(course|class|school|student|university) project\b|\b(editor|reporter|writer|journalist|columnist) at\b|\bpreparing a (feature|piece|story|report)\b/),
  r('research', 2, 'asks for an interview', /\b(email|short|quick) interview\b|\binterview request\b|\bsend you (a few|some) questions\b/),
  r('support', 2, "can't find what you delivered", /\bno (la|lo) encuentro\b|\bno encuentro\b|\bje ne (le|la|les) trouve pas\b|\bfinde (es|das|sie) nicht\b/),
  r('support', 1.5, 'asks you to resend something', /\b(resend|re-send|send (it|that|this) again|reenviar|renvoyer|nochmal (schicken|senden))\b|\b(you mentioned|mencionaste|tu as mentionne|du hast erwahnt)\b/),

  r('decline', 2.5, "won't spend or proceed", /\b(don'?t|do not|won'?t|will not|can'?t|cannot|not able to|unable to)\b( \w+){0,2} (spend|invest|justify|proceed|move forward|go ahead|commit|pursue|continue with)\b/),
  r('decline', 2.5, 'went with another provider', /\b(gone|went|go|going) with (a|an|the) (larger|bigger|smaller|cheaper|local|different|other|another) \w+\b|\bgone with\b/),
  r('decline', 1.5, 'thought it over', /\bafter (some|much|careful) (thought|consideration)\b|\bapres reflexion\b|\bnach (reiflicher )?uberlegung\b|\btras pensarlo\b|\bwe talked it over\b/),
  r('decline', 1.5, 'too small or too early', /\btoo (small|early|big|busy) (to|for)\b/),
  r('decline', 1.5, 'thanks you for the proposal', /\bthank(s| you)? (you )?(again )?for (the|your) (\w+ )?(proposal|offer|quote|work)\b|\bdanke fur (das|dein|ihr|euer) angebot\b|\bgracias por (la|tu|su) (propuesta|oferta|presupuesto)\b|\bmerci pour (votre|ta) (proposition|offre|devis)\b/),
  r('decline', 3, 'says they decided against it', /\bne donner\w* pas suite\b|\bpas (de )?suite\b|\bdepasse ce que\b/),
  r('vendor_pitch', 2.5, 'describes what they sell', /\bi (write|build|create|design|run|make|produce|do)\b.{0,40}\bfor (consultants|coaches|founders|companies|agencies|firms|b2b|startups|businesses|sales teams)\b|\bdoes for (consultancies|companies|agencies|teams|consultants|firms)\b/),
  r('vendor_pitch', 2.5, 'claims results for their customers', /\b(clients|customers) (typically|usually|often|on average) (double|triple|see|get|save|increase|grow)\b|\bwhat if you (had|could)\b|\bat the cost of\b/),
  r('vendor_pitch', 2, 'offers a walkthrough or examples', /\bwant to see (some )?(examples|samples|results|how)\b|\bhappy to walk you through\b|\bshow you how\b/),
  r('vendor_pitch', 2.5, 'addressed to nobody in particular', /\bsehr geehrte damen und herren\b|\bmesdames,? messieurs\b|\bestimados senores\b|\bto whom it may concern\b/),
  r('vendor_pitch', 2, 'describes what they sell', /\bwir (bauen|bieten|liefern|entwickeln|erstellen|produzieren)\b/, 'de'),
  r('partnership', 3, 'proposes bundling offers', /\bbundl\w*\b|\bbenefit from both\b|\bcomplementary\b|\bjoint offer\b/),
  r('purchase', 2.5, 'asks about working with you', /\bi'?d like to (talk|speak|chat) about working (together|with you)\b|\bif you have (capacity|availability|time)\b|\bwork with you\b/),
  r('purchase', 2.5, 'asks "do you take care of …"', /\bkummern sie sich (auch )?um\b|\bwir suchen (jemanden|einen dienstleister|eine agentur|einen berater)\b|\bsuchen jemanden\b/, 'de'),
  r('advice', 2.5, 'asks for your opinion', /\bwhen do you (consider|call|treat|count)\b|\bdo you think\b|\bin your (view|opinion)\b|\bcrees que\b|\btu opinion\b|\bglaubst du\b|\bdeine meinung\b|\bpensez-vous\b|\bvotre avis\b/),
  r('support', 2, 'something disappeared or broke', /\b(disappeared|vanished|went missing|got deleted|is missing|are missing)\b|\bget (them|it) back\b/),
  r('support', 2, "can't find what you delivered", /\bfinde (die|den|das|es|sie)\b.{0,40}\bnicht( mehr)?\b|\b(noch )?(einmal|mal) schicken\b|\bnochmal schicken\b|\berneut senden\b/),
  r('stall', 2.5, 'delays the start', /\bretrasar\b|\btodavia no ha (firmado|aprobado|pagado)\b|\bseguimos interesados\b|\bdelay the start\b|\bpush (back )?the start\b/),
];

/** Intent precedence when scores tie: the more specific, more consequential reading first. */
export const INTENT_PRIORITY: readonly Intent[] = [
  'decline', 'stall', 'support', 'job', 'vendor_pitch', 'research', 'partnership', 'intro', 'purchase', 'advice', 'other',
];

/** One weighted piece of evidence for a decline reason. */
export interface ReasonRule {
  reason: DeclineReason;
  re: RegExp;
  weight: number;
  signal: string;
}

const d = (reason: DeclineReason, weight: number, signal: string, re: RegExp): ReasonRule => ({ reason, re, weight, signal });

/** Decline-reason rules (all languages at once: the phrases don't collide across languages). */
export const REASON_RULES: readonly ReasonRule[] = [
  d('price', 3.25, 'price: "too expensive"', /\bprix depasse\b|\bdepasse ce que\b|\b(above|over|beyond|more than) (what )?(we|our) (budgeted|budget|can spend|expected)\b|\bmore than we can (afford|spend|invest|justify)\b|\bmas de lo que podemos\b|\btoo expensive\b|\bout of our (price )?range\b|\bprice is too high\b|\btoo (high|steep|pricey)\b|\bcheaper\b|\bexpecting something (around|closer to)\b|\bzu teuer\b|\bzu hoch\b|\b(demasiado|muy) caro\b|\btrop cher\b/),
  d('budget', 3, 'budget: none available', /\bno budget\b|\bbudget\b|\bfunds?\b|\bkein(en)? budget\b|\bpresupuesto\b|\bpas de budget\b/),
  d('incumbent', 3, 'incumbent: staying with the current provider', /\b(gone|went) with\b|\b(keep|continue|stay|stick)\w* (working )?with (the|our|their|them)\b|\b(chosen|chose|selected|picked|hired) (another|a different)\b|\b(stay|stick|continue|remain)(ing)? with\b|\bcurrent (vendor|provider|partner|agency|supplier|consultant|\w+ partner)\b|\bexisting (vendor|provider|partner|agency)\b|\bwent with\b|\bgo(ing)? with (another|a different)\b|\bcompetitor\b|\b(another|other|autre|otro|anderen)\b.{0,15}\b(firm|vendor|provider|prestataire|fournisseur|proveedor|anbieter|agency|agence|agencia|consultant|consultora)\b|\bbisherigen\b|\bbleiben bei\b|\bproveedor actual\b|\bseguir con\b|\b(rester|continuer) avec\b|\bprestataire actuel\b/),
  d('timing', 2.5, 'timing: not now', /\bprioridades\b|\bpriorites\b|\bpriorities\b|\buntil q[1-4]\b|\b(isn'?t|is not|not) (a|our) priority\b|\bnot the right time\b|\bbad timing\b|\bnot a good time\b|\brevisit\b|\bnext (quarter|year)\b|\blater this year\b|\bmaybe later\b|\bin the middle of\b|\bzeitpunkt\b|\bspater\b|\bno es (el|buen) momento\b|\bmas adelante\b|\bpas le bon moment\b|\bl'annee prochaine\b|\bplus tard\b/),
  d('need', 2.5, "need: they don't need it", /\btoo small to\b|\bourselves\b|\bin-?house\b|\bfree (tier|plan|version)\b|\bnosotros mismos\b|\ben interne\b|\bnicht (benotigen|brauchen)\b|\bkein(en)? bedarf\b|\b(don'?t|do not|no longer|won'?t) need\b|\bnot necessary\b|\bbrauchen (das |es )?(nicht|keine\w*)\b|\bno (lo )?necesitamos\b|\bpas besoin\b/),
  d('authority', 3.5, 'authority: someone above decided', /\b(boss|ceo|cfo|coo|management|leadership|board|director\w*|owners?|founders?|my manager|jefe|gerente|direccion|consejo|chef|geschaftsfuhr\w*|inhaber|vorstand|direction|patron|pdg)\b.{0,40}\b(don'?t want|decided|decide|decidido|approve\w*|aprobado|rejected|rechazado|said no|vetoed|turned|entschieden|abgelehnt|genehmigt|refuse|valide)\b|\bnot my call\b/),
];

warmable('triage', INTENT_RULES.map((rule) => rule.re));
warmable('triage', REASON_RULES.map((rule) => rule.re));

/** Decline-reason precedence on ties (the more specific, more actionable reason first). */
export const REASON_PRIORITY: readonly DeclineReason[] = ['authority', 'incumbent', 'price', 'budget', 'need', 'timing', 'other'];
