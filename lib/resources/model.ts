/**
 * The rules every way into the resource library shares (the form, the quick-add in the panel, JSON and CSV
 * import): what a valid resource looks like, how tags and links are normalised, and when two entries are the same
 * resource. Pure, so the repository and the importers cannot drift apart.
 */
import { z } from '../zod';
import { ResourceKindSchema, type Resource, type ResourceKind } from '../replies/types';
import { cleanMultiline, cleanText } from '../text';

/** Every kind, in the order the UI offers them. */
export const RESOURCE_KINDS: readonly ResourceKind[] = ResourceKindSchema.options;

/** Human labels for the kinds. */
export const KIND_LABELS: Record<ResourceKind, string> = {
  article: 'Article',
  checklist: 'Checklist',
  tool: 'Tool',
  template: 'Template',
  person: 'Person to introduce',
};

/** The content of a resource, without identity or timestamps: what a form or an imported row provides. */
export interface ResourceDraft {
  title: string;
  url: string | null;
  summary: string;
  tags: string[];
  kind: ResourceKind;
}

/** Loose input shape: every field may come from a text box, a CSV cell or someone else's JSON. */
export const ResourceInputSchema = z.object({
  title: z.string({ error: 'title must be text' }),
  url: z.nullish(z.string({ error: 'url must be text' })),
  summary: z.nullish(z.string({ error: 'summary must be text' })),
  tags: z.nullish(z.union([z.array(z.string()), z.string()], { error: 'tags must be a list of words or a ;-separated text' })),
  kind: z.nullish(z.string({ error: 'kind must be text' })),
});
/** What callers may pass to `normalizeDraft` (after `ResourceInputSchema` validation). */
export type ResourceInput = z.input<typeof ResourceInputSchema>;

/** Same caps as `ResourceSchema`, so a normalised draft always validates. */
const MAX = { title: 300, url: 2000, summary: 2000, tag: 60, tags: 30 } as const;

/** Splits free-typed tags ("crm; Onboarding, crm") into normalised, lower-case, unique tags. */
export function normalizeTags(tags: string | readonly string[] | null | undefined): string[] {
  const raw = typeof tags === 'string' ? tags.split(/[;,]/) : (tags ?? []).flatMap((t) => t.split(/[;,]/));
  const out: string[] = [];
  for (const t of raw) {
    // Trailing "…" from cleanText's cut would make two long tags differ only by the cut; cut plainly instead.
    const tag = cleanText(t, 10_000).toLowerCase().slice(0, MAX.tag).trim();
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out.slice(0, MAX.tags);
}

/** Schemes a resource link may use: a page to open, or an address to write to (a person to introduce). */
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * Normalises a resource link: empty → null; "example.com/x" → "https://example.com/x". Anything that is not an
 * http(s) or mailto link (javascript:, data:, file:…) is refused, because the library renders it as a clickable
 * link and imported files are not to be trusted.
 */
export function normalizeUrl(value: string | null | undefined): { ok: true; url: string | null } | { ok: false; message: string } {
  const v = cleanText(value, MAX.url * 2);
  if (!v) return { ok: true, url: null };
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(v) && !/^[^/:]+\.[^/:]+:\d/.test(v);
  const candidate = hasScheme ? v : /^[\w-]+(\.[\w-]+)+([/:?#]|$)/.test(v) ? `https://${v}` : null;
  if (candidate === null) return { ok: false, message: `"${cleanText(v, 80)}" is not a link (use https://…)` };
  let parsed: URL;
  try {
    parsed = new URL(candidate);
  } catch {
    return { ok: false, message: `"${cleanText(v, 80)}" is not a valid link` };
  }
  if (!ALLOWED_SCHEMES.has(parsed.protocol)) return { ok: false, message: `links must start with https://, http:// or mailto: (got ${parsed.protocol})` };
  if (candidate.length > MAX.url) return { ok: false, message: `the link is longer than ${MAX.url} characters` };
  return { ok: true, url: candidate };
}

/** Result of `normalizeDraft`: a clean draft plus warnings, or why the input cannot be a resource. */
export type DraftResult = { ok: true; draft: ResourceDraft; warnings: string[] } | { ok: false; message: string };

/**
 * Validates and cleans one resource as typed or imported. An unknown kind becomes `article` with a warning
 * rather than losing the row: the rest of it is still useful.
 */
export function normalizeDraft(raw: unknown): DraftResult {
  const parsed = ResourceInputSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ') };
  const input = parsed.data;
  const title = cleanText(input.title, MAX.title);
  if (!title) return { ok: false, message: 'title is missing' };
  const url = normalizeUrl(input.url);
  if (!url.ok) return { ok: false, message: url.message };
  const warnings: string[] = [];
  let kind: ResourceKind = 'article';
  const rawKind = cleanText(input.kind, 60).toLowerCase();
  if (rawKind) {
    const k = ResourceKindSchema.safeParse(rawKind);
    if (k.success) kind = k.data;
    else warnings.push(`unknown kind "${cleanText(input.kind, 40)}", imported as article`);
  }
  return {
    ok: true,
    draft: { title, url: url.url, summary: cleanMultiline(input.summary, MAX.summary), tags: normalizeTags(input.tags), kind },
    warnings,
  };
}

/**
 * Identity of a resource for merging: same title (ignoring case) and same link (compared as parsed URLs, so
 * "https://Example.com" and "https://example.com/" agree). Re-importing a file therefore never duplicates.
 */
export function resourceKey(r: Pick<ResourceDraft, 'title' | 'url'>): string {
  let url = '';
  if (r.url) {
    try {
      url = new URL(r.url).href;
    } catch {
      url = r.url.trim();
    }
  }
  return `${titleKey(r.title)}\n${url}`;
}

function titleKey(title: string): string {
  return cleanText(title, MAX.title).toLowerCase();
}

/** The draft part of a stored resource. */
export function draftOf(r: Resource): ResourceDraft {
  return { title: r.title, url: r.url, summary: r.summary, tags: [...r.tags], kind: r.kind };
}

/** What `mergeResources` decided. */
export interface MergeResult {
  /** Rows to write (new and changed ones). */
  put: Resource[];
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Merges incoming drafts into a library by `resourceKey`: a new key adds a resource; a known key updates it
 * (the incoming kind wins, an empty incoming summary keeps the old one, tags are united) and keeps its id and
 * creation time. Duplicates inside `incoming` merge the same way.
 */
export function mergeResources(existing: readonly Resource[], incoming: readonly ResourceDraft[], now: number, newId: () => string): MergeResult {
  const byKey = new Map<string, Resource>();
  for (const r of existing) byKey.set(resourceKey(r), r);
  // A row without a link names the one resource of that title, whatever its link: a spreadsheet that dropped the
  // link column must not add a second copy of each resource. Two or more of that title stay ambiguous: added apart.
  const byTitle = new Map<string, string[]>();
  for (const r of existing) {
    const t = titleKey(r.title);
    byTitle.set(t, [...(byTitle.get(t) ?? []), resourceKey(r)]);
  }
  const keyFor = (d: ResourceDraft): string => {
    const own = resourceKey(d);
    if (d.url || byKey.has(own)) return own;
    const same = byTitle.get(titleKey(d.title)) ?? [];
    return same.length === 1 ? same[0]! : own;
  };
  const touched = new Map<string, Resource>();
  const created = new Set<string>();
  for (const d of incoming) {
    const key = keyFor(d);
    const old = touched.get(key) ?? byKey.get(key);
    if (!old) {
      const r: Resource = { id: newId(), ...d, tags: [...d.tags], createdAt: now, updatedAt: now };
      touched.set(key, r);
      created.add(key);
      continue;
    }
    const next: Resource = {
      ...old,
      summary: d.summary || old.summary,
      kind: d.kind,
      tags: normalizeTags([...old.tags, ...d.tags]),
    };
    if (JSON.stringify(draftOf(next)) !== JSON.stringify(draftOf(old))) touched.set(key, { ...next, updatedAt: now });
  }
  let updated = 0;
  for (const key of touched.keys()) if (!created.has(key)) updated += 1;
  // "Unchanged" counts distinct existing resources that the input named but did not change.
  const named = new Set(incoming.map(keyFor));
  let unchanged = 0;
  for (const key of named) if (byKey.has(key) && !touched.has(key)) unchanged += 1;
  return { put: [...touched.values()], added: created.size, updated, unchanged };
}

/** True when the text matches the resource's title, summary, link or tags (case-insensitive; every word must match). */
export function matchesSearch(r: Resource, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = `${r.title}\n${r.summary}\n${r.url ?? ''}\n${r.tags.join(' ')}\n${r.kind}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** Every tag used in the library, alphabetical: the options of the tag filter. */
export function allTags(resources: readonly Resource[]): string[] {
  return [...new Set(resources.flatMap((r) => r.tags))].sort((a, b) => a.localeCompare(b));
}

/** Alphabetical by title (case-insensitive), then by link and id: the order of exports, stable across runs. */
export function byTitle(a: Resource, b: Resource): number {
  return a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }) || (a.url ?? '').localeCompare(b.url ?? '') || a.id.localeCompare(b.id);
}
