/** The Gmail thread reader: `readGmailThread(document)` → the open conversation as validated plain data, or null. */
export { readGmailThread } from './reader';
export { parseGmailDate } from './dates';
export {
  GmailMessageSchema,
  GmailPersonSchema,
  GmailThreadSchema,
  type GmailMessage,
  type GmailPerson,
  type GmailThread,
  type ReadGmailOptions,
} from './types';
