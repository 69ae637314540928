export { readLinkedInProfile, profileSlugFromUrl, canonicalProfileUrl, nameFromTitle, companyFromAriaLabel } from './reader';
export { LinkedInProfileSchema, type LinkedInProfile } from './types';
