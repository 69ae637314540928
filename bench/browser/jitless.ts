/**
 * Imported first by every injected bundle. Extension pages and content scripts run under a CSP without
 * 'unsafe-eval', so zod never compiles its fast parsers there. Code injected by the benchmark is evaluated through
 * DevTools, where zod's `new Function` probe passes during the evaluation and fails later: make zod skip the probe,
 * as the real pages do.
 */
import { config } from 'zod/mini';

config({ jitless: true });
