/**
 * Resource ranking: a MiniSearch index over the rep's library (title, summary, tags), built once per library and
 * reused, queried with the inquiry's topic and words, boosted for tags the contact shares, never returning
 * resources already sent to this contact.
 */
import MiniSearch from 'minisearch';
import { fold, stem } from './text';
import type { Resource } from './types';

interface Indexed {
  search: MiniSearch<IndexedDoc>;
  byId: Map<string, Resource>;
  /** Each resource's tags, normalised once here rather than per scored result. */
  normTags: Map<string, string[]>;
}

interface IndexedDoc {
  id: string;
  title: string;
  summary: string;
  tagText: string;
  kind: Resource['kind'];
  tags: string[];
}

// Tokens shorter than this or in this list add noise to library search (they match every summary).
const SEARCH_STOP = new Set([
  'the', 'and', 'for', 'you', 'your', 'our', 'with', 'that', 'this', 'from', 'are', 'was', 'have', 'has', 'can', 'how',
  'what', 'who', 'why', 'when', 'which', 'about', 'into', 'more', 'most', 'some', 'any', 'all', 'not', 'but', 'they',
  'them', 'their', 'its', 'it', 'is', 'of', 'to', 'in', 'on', 'at', 'by', 'an', 'as', 'or', 'be', 'we', 'us', 'my', 'me',
  'i', 'a', 'do', 'does', 'did', 'would', 'could', 'should', 'will', 'just', 'like', 'need', 'want', 'help', 'get',
  'team', 'teams', 'company', 'companies', 'small', 'new', 'one', 'two', 'use', 'using', 'used', 'thanks', 'thank',
  'hi', 'hello', 'best', 'regards', 'cheers', 'please', 'question', 'quick', 'looking', 'know', 'let', 'send', 'make',
]);

/** Same normalisation for index and query: folded, stop words dropped, lightly stemmed. */
function processTerm(term: string): string | null {
  const t = fold(term).replace(/[^a-z0-9]/g, '');
  if (t.length < 2 || SEARCH_STOP.has(t)) return null;
  return stem(t);
}

/** An empty index and the documents to put in it. */
function prepare(resources: readonly Resource[]): { index: Indexed; docs: IndexedDoc[] } {
  const search = new MiniSearch<IndexedDoc>({
    fields: ['title', 'summary', 'tagText'],
    storeFields: ['id'],
    processTerm,
    searchOptions: {
      boost: { title: 2, tagText: 2.5 },
      // Prefix and fuzzy only on longer terms: short ones ("seo", "crm") would match half the dictionary.
      prefix: (term) => term.length > 4,
      fuzzy: (term) => (term.length > 7 ? 0.15 : false),
      combineWith: 'OR',
    },
  });
  const byId = new Map<string, Resource>();
  const normTags = new Map<string, string[]>();
  const docs: IndexedDoc[] = [];
  for (const r of resources) {
    // MiniSearch rejects duplicate ids; a corrupt library must still give suggestions, so the first copy wins.
    if (!r || typeof r.id !== 'string' || !r.id || byId.has(r.id)) continue;
    byId.set(r.id, r);
    const tags = Array.isArray(r.tags) ? r.tags.filter((t) => typeof t === 'string') : [];
    normTags.set(r.id, tags.map(normTag));
    docs.push({ id: r.id, title: r.title ?? '', summary: r.summary ?? '', tagText: tags.join(' ').replace(/[-_]/g, ' '), kind: r.kind, tags });
  }
  return { index: { search, byId, normTags }, docs };
}

// Cache by array identity first (free), then by a content key, so a library re-created on every render (same
// resources, new array) does not rebuild the index either.
const byIdentity = new WeakMap<readonly Resource[], Indexed>();
const byKey = new Map<string, Indexed>();
const MAX_KEYED = 4;
/** Indexes being built in the background, by library key (see `prepareIndex`). */
const building = new Map<string, Promise<void>>();

function libraryKey(resources: readonly Resource[]): string {
  let key = `${resources.length}`;
  for (const r of resources) key += `|${r?.id}:${r?.updatedAt}`;
  return key;
}

function remember(key: string, idx: Indexed): void {
  if (byKey.size >= MAX_KEYED) byKey.delete(byKey.keys().next().value as string);
  byKey.set(key, idx);
}

/** The index for a library, built at most once per library version. */
export function indexFor(resources: readonly Resource[]): Indexed {
  const hit = byIdentity.get(resources);
  if (hit) return hit;
  const key = libraryKey(resources);
  let idx = byKey.get(key);
  if (!idx) {
    const { index, docs } = prepare(resources);
    index.search.addAll(docs);
    idx = index;
    remember(key, idx);
  }
  byIdentity.set(resources, idx);
  return idx;
}

/** True when `indexFor(resources)` will not have to build anything (the library, or the same content, is indexed). */
export function isIndexed(resources: readonly Resource[]): boolean {
  return byIdentity.has(resources) || byKey.has(libraryKey(resources));
}

/** Documents indexed per task by `prepareIndex`: a few milliseconds of work each. */
const CHUNK = 50;

/**
 * Builds a library's index in the background, `CHUNK` resources per task, so `indexFor` (and so `suggestReplies`)
 * finds it ready. Indexing 1,000 resources in one go took 70–170 ms in Chromium, a long task in the panel each time
 * it opened. Resolves when the index is ready; calls for a library being built share the work.
 */
export function prepareIndex(resources: readonly Resource[]): Promise<void> {
  if (byIdentity.has(resources)) return Promise.resolve();
  const key = libraryKey(resources);
  const done = byKey.get(key);
  if (done) {
    byIdentity.set(resources, done);
    return Promise.resolve();
  }
  let pending = building.get(key);
  if (!pending) {
    const { index, docs } = prepare(resources);
    pending = index.search.addAllAsync(docs, { chunkSize: CHUNK }).then(() => {
      // A synchronous build for the same library may have finished first: keep the one already handed out.
      if (!byKey.has(key)) remember(key, index);
    });
    const settle = () => void building.delete(key);
    pending.then(settle, settle);
    building.set(key, pending);
  }
  return pending;
}

/** One ranked resource. */
export interface RankedResource {
  resource: Resource;
  score: number;
}

/** What to search for. */
export interface ResourceQuery {
  /** Topic terms (from the recognised concept); they carry most of the weight. */
  topic: string;
  /** Terms of a second topic the inquiry mentions; weighted between the topic and plain words. */
  related?: string;
  /** Other words from the inquiry (subject and the sender's own text). */
  words: string;
  contactTags?: readonly string[];
  exclude?: readonly string[];
  kind?: 'person' | 'not_person';
  limit?: number;
  /** Distinct query terms a result must match (2 when there is no topic: one stray word is not relevance). */
  minTerms?: number;
}

const normTag = (t: string) => fold(t).replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * The best resources for a query, best first. Results scoring under a third of the best one are dropped, so a
 * weak word match never rides along with a strong topic match.
 */
export function rankResources(resources: readonly Resource[] | undefined, q: ResourceQuery): RankedResource[] {
  if (!resources || resources.length === 0) return [];
  const { search, byId, normTags } = indexFor(resources);
  const exclude = new Set(q.exclude ?? []);
  const tags = new Set((q.contactTags ?? []).map(normTag).filter(Boolean));
  const boostDocument = tags.size
    ? (id: unknown) => {
        const own = normTags.get(String(id));
        const shared = own ? own.filter((t) => tags.has(t)).length : 0;
        return 1 + 0.5 * Math.min(shared, 3);
      }
    : undefined;
  const filter = (result: { id: unknown }) => {
    const id = String(result.id);
    if (exclude.has(id)) return false;
    const r = byId.get(id);
    if (!r) return false;
    if (q.kind === 'person') return r.kind === 'person';
    if (q.kind === 'not_person') return r.kind !== 'person';
    return true;
  };
  // Topic terms outweigh a second topic, which outweighs incidental words from the message. Each distinct term is
  // searched once (a repeated term would cost a second trie walk for the same boost).
  const topicTerms = q.topic.trim();
  const weights = new Map<string, number>();
  const raw: string[] = [];
  const fromWords = new Set<string>();
  const add = (text: string | undefined, weight: number, own = false) => {
    for (const word of (text ?? '').split(/\s+/)) {
      const t = processTerm(word);
      if (t && own) fromWords.add(t);
      if (!t || weights.has(t) || weights.size >= 24) continue;
      weights.set(t, weight);
      raw.push(word);
    }
  };
  add(topicTerms, 2);
  add(q.related, 1.4);
  add(q.words, 1, true);
  if (raw.length === 0) return [];
  const results = search.search(raw.join(' '), { filter, boostDocument, boostTerm: (term) => weights.get(term) ?? 1 });
  const top = results[0]?.score ?? 0;
  const out: RankedResource[] = [];
  const minTerms = q.minTerms ?? (topicTerms ? 1 : 2);
  const head = processTerm(topicTerms.split(/\s+/)[0] ?? '') ?? '';
  for (const r of results) {
    if (r.score < top / 3) break;
    // With a topic, one matched term is enough; without one, two of the message's own words must match (terms of
    // a related topic rank results but cannot make an unrelated one relevant on their own).
    const counted = topicTerms ? new Set(r.queryTerms) : new Set(r.queryTerms.filter((t) => fromWords.has(t)));
    if (counted.size < minTerms) continue;
    // A person is only offered when the topic's head term ("seo", "recruiting", "web") names what they do in their
    // tags or title; "google" alone must not turn a Google Ads consultant into an SEO introduction.
    if (q.kind === 'person' && !Object.entries(r.match).some(([term, fields]) => (!head || term.startsWith(head)) && (fields.includes('tagText') || fields.includes('title')))) continue;
    const resource = byId.get(String(r.id));
    if (resource) out.push({ resource, score: r.score });
    if (out.length >= (q.limit ?? 5)) break;
  }
  return out;
}

/**
 * A `person` resource worth offering as an introduction: only when the topic itself (not incidental words) matches
 * the person, so "Priya, sales recruiter" is offered for a recruiting question and not for a CRM one.
 */
export function matchPerson(resources: readonly Resource[] | undefined, topic: string, exclude?: readonly string[], contactTags?: readonly string[]): Resource | null {
  if (!resources || resources.length === 0 || !topic.trim()) return null;
  const hits = rankResources(resources, { topic, words: '', exclude, contactTags, kind: 'person', limit: 1 });
  return hits[0]?.resource ?? null;
}
