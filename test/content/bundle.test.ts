import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

/**
 * The content scripts are evaluated on every Gmail and LinkedIn page load: building zod schemas there cost a long
 * task on the page (and zod most of their size). They validate with the generated parsers instead
 * (lib/**\/*-parser.gen.ts); this keeps an import of a schema module from creeping back in.
 */
describe('content script bundles', () => {
  it.each(['gmail', 'linkedin'])('%s.content.ts ships no zod schema and no zod beyond two helpers', async (site) => {
    const result = await build({
      entryPoints: [join(ROOT, `entrypoints/${site}.content.ts`)],
      bundle: true,
      write: false,
      format: 'iife',
      minify: true,
      metafile: true,
      alias: { '@': ROOT },
      external: ['wxt/*'],
      absWorkingDir: ROOT,
      logLevel: 'silent',
    });
    const output = Object.values(result.metafile.outputs)[0]!;
    const shipped = Object.entries(output.inputs)
      .filter(([, v]) => v.bytesInOutput > 0)
      .map(([file]) => file.replaceAll('\\', '/'));
    expect(shipped).toContain('lib/panel-message-parser.gen.ts'); // paths as the checks below expect them
    // Modules that build schemas when evaluated.
    for (const schemas of ['lib/messaging.ts', 'lib/gmail/types.ts', 'lib/linkedin/types.ts', 'lib/gmail/index.ts', 'lib/linkedin/index.ts', 'lib/zod.ts']) {
      expect(shipped).not.toContain(schemas);
    }
    // The generated parsers use zod's codePointLength and isPlainObject (core/util.js, which reads core.js's config):
    // no module of zod's schemas, checks or parsing. (esbuild keeps more of util.js than the real build, which
    // tree-shakes it down to the two functions.)
    const zod = shipped.filter((f) => f.includes('/zod/'));
    for (const f of zod) expect(f).toMatch(/zod\/v4\/core\/(util|core)\.js$/);
  });
});
