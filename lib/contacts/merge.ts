import type { Contact } from '../db/models';
import { mergedStage } from '../playbook/types';

/**
 * The fields two records of one person keep when they become one contact, whichever merge it is (the rep linking a
 * profile, a restore folding a backup's contact): the target's known fields win, the source fills what it lacks, tags
 * are joined, the earlier creation stays, a decision stage beats a starting one, and whoever referred either of
 * them referred the merged person, never the person themself. Identifiers and times are each merge's own business.
 */
export function mergedKnownFields(
  target: Contact,
  source: Contact,
): Pick<Contact, 'company' | 'companySource' | 'title' | 'location' | 'tags' | 'createdAt' | 'stage' | 'referredBy' | 'declineStated' | 'declineReal'> {
  return {
    company: target.company ?? source.company,
    companySource: target.company ? target.companySource : source.companySource,
    title: target.title ?? source.title,
    location: target.location ?? source.location,
    tags: [...new Set([...target.tags, ...source.tags])],
    createdAt: Math.min(target.createdAt, source.createdAt),
    stage: mergedStage(target.stage, source.stage),
    referredBy: [target.referredBy, source.referredBy].find((id) => id && id !== target.id && id !== source.id) ?? null,
    declineStated: target.declineStated ?? source.declineStated,
    declineReal: target.declineReal ?? source.declineReal,
  };
}
