/**
 * zod for the extension pages' data schemas: `zod/mini`, with English issue messages (they reach the rep, e.g. in
 * "Row 8 of notes is not valid: text: Too small…"). The classic `zod` API cost every panel open ~95 KB of code and
 * tens of milliseconds building schema objects with dozens of bound methods each; mini builds plain ones.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

export { z };
