// `npm run gen:parsers`: writes the ahead-of-time zod parsers (see scripts/lib/zod-parsers.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gen-parsers-')), 'zod-parsers.mjs');
// The schemas' modules import the generated parsers (lib/protocol.ts does): they are replaced by an empty (CommonJS, so any name imports) module
// here, so a missing, stale or broken generated file never stops the generator that rewrites it.
const noGenerated = {
  name: 'no-generated-parsers',
  setup(b) {
    b.onResolve({ filter: /\.gen(\.ts)?$/ }, (args) => ({ path: args.path, namespace: 'gen-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'gen-stub' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};
await build({ entryPoints: [path.join(ROOT, 'scripts/lib/zod-parsers.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning', plugins: [noGenerated] });
const { PARSERS, parserModuleSource } = await import(pathToFileURL(out).href);
for (const spec of PARSERS) {
  fs.writeFileSync(path.join(ROOT, spec.file), parserModuleSource(spec));
  console.log(`wrote ${spec.file}`);
}
fs.rmSync(path.dirname(out), { recursive: true, force: true });
