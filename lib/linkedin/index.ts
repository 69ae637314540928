export { readLinkedInProfile, nameFromTitle, companyFromAriaLabel } from './reader';
export { profileSlugFromUrl, canonicalProfileUrl } from './url';
export { LinkedInProfileSchema, type LinkedInProfile } from './types';
