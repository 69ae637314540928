/**
 * Ahead-of-time zod parsers for the schemas the content scripts validate (the readers' output on every page read and
 * the panel's messages), for the tab snapshots the side panel reads, and for the backup's rows (every row is checked when a backup is written, checked and
 * restored: a million and more, in an extension page). zod's own compiler (`compileFn`, what `z.compile` uses) turns
 * a schema into straight-line checks, ~30x faster than zod's interpreter, but it builds them with `new Function`,
 * which the CSP of content scripts and extension pages forbids. So the code is generated here, at development time,
 * and committed; `npm run gen:parsers` rewrites it and test/content/parsers.test.ts fails when a schema changed and
 * the generated file did not.
 *
 * Only "definite" parsers are written (the generator refuses the others): no user callbacks, so a rejection proves
 * the schema's `safeParse` rejects too, and zod itself then skips its interpreter (`validate` in zod's core
 * parse.js). The content scripts therefore use the generated function alone, with the schema's own verdict and
 * output, and never build zod schemas: building them when the script loaded made a long task on Gmail's page, and
 * leaving zod out roughly halves the scripts' size. The backup (`parseRow` in lib/backup/format.ts) asks the schema
 * only when the generated function rejects a row, for its message. zod's `withParser` would install such a parser,
 * but it lives in zod's compiler module, which is marked as having side effects and would ship whole in the content
 * scripts.
 *
 * Dev tooling only: imported by the generator script and the test, never by the extension.
 */
import { compileFn } from 'zod/v4/core';
import * as core from 'zod/v4/core';
import { GmailThreadSchema } from '../../lib/gmail/types';
import { LinkedInProfileSchema } from '../../lib/linkedin/types';
import { PanelToContentSchema, TabStateSchema } from '../../lib/messaging';
import { ContactSchema, InteractionFieldsSchema, NoteSchema, ResourceSendSchema, ThreadRowSchema, TriageOverrideSchema } from '../../lib/db/models';
import { CommitmentSchema } from '../../lib/playbook/types';
import { ResourceSchema } from '../../lib/replies/types';

/** One generated parser: which schema, where it goes, what the function is called. */
export interface ParserSpec {
  /** Path of the generated module, from the repository root. */
  file: string;
  schema: core.$ZodType;
  /** The schema's exported name and module (for the header comment and the output type). */
  schemaName: string;
  schemaFrom: string;
  /** The output type's name, exported by `typeFrom` (relative to the generated file). */
  typeName: string;
  typeFrom: string;
  /** The generated function's name. */
  fnName: string;
}

export const PARSERS: readonly ParserSpec[] = [
  {
    file: 'lib/gmail/thread-parser.gen.ts',
    schema: GmailThreadSchema,
    schemaName: 'GmailThreadSchema',
    schemaFrom: 'lib/gmail/types.ts',
    typeName: 'GmailThread',
    typeFrom: './types',
    fnName: 'parseGmailThreadCompiled',
  },
  {
    file: 'lib/linkedin/profile-parser.gen.ts',
    schema: LinkedInProfileSchema,
    schemaName: 'LinkedInProfileSchema',
    schemaFrom: 'lib/linkedin/types.ts',
    typeName: 'LinkedInProfile',
    typeFrom: './types',
    fnName: 'parseLinkedInProfileCompiled',
  },
  {
    file: 'lib/panel-message-parser.gen.ts',
    schema: PanelToContentSchema,
    schemaName: 'PanelToContentSchema',
    schemaFrom: 'lib/messaging.ts',
    typeName: 'PanelToContent',
    typeFrom: './messaging',
    fnName: 'parsePanelToContentCompiled',
  },
  // The side panel checks the tab's snapshot when it opens and on every page change: a 30-message thread took zod's
  // interpreter several milliseconds, on the way to the panel's first screen.
  {
    file: 'lib/browser/tab-state-parser.gen.ts',
    schema: TabStateSchema,
    schemaName: 'TabStateSchema',
    schemaFrom: 'lib/messaging.ts',
    typeName: 'TabState',
    typeFrom: '../messaging',
    fnName: 'parseTabStateCompiled',
  },
  // The backup checks every row of every table (1M+ on a large database) in an extension page, where zod cannot
  // compile: one parser per table (lib/backup/format.ts `parseRow`).
  ...backupRowParsers(),
];

/** One parser per backup table (the keys of `ROW_SCHEMAS` in lib/backup/format.ts, which parsers.test.ts checks). */
function backupRowParsers(): ParserSpec[] {
  // History entries: the fields only; `InteractionSchema`'s id rule is a user callback, which parseRow applies itself.
  const rows: [table: string, schema: core.$ZodType, schemaName: string, schemaFrom: string, typeName: string][] = [
    ['contacts', ContactSchema, 'ContactSchema', 'lib/db/models.ts', 'Contact'],
    ['notes', NoteSchema, 'NoteSchema', 'lib/db/models.ts', 'Note'],
    ['interactions', InteractionFieldsSchema, 'InteractionFieldsSchema', 'lib/db/models.ts', 'Interaction'],
    ['commitments', CommitmentSchema, 'CommitmentSchema', 'lib/playbook/types.ts', 'Commitment'],
    ['resources', ResourceSchema, 'ResourceSchema', 'lib/replies/types.ts', 'Resource'],
    ['resourceSends', ResourceSendSchema, 'ResourceSendSchema', 'lib/db/models.ts', 'ResourceSend'],
    ['threads', ThreadRowSchema, 'ThreadRowSchema', 'lib/db/models.ts', 'ThreadRow'],
    ['triageOverrides', TriageOverrideSchema, 'TriageOverrideSchema', 'lib/db/models.ts', 'TriageOverride'],
  ];
  return rows.map(([table, schema, schemaName, schemaFrom, typeName]) => ({
    file: `lib/backup/rows/${table}-parser.gen.ts`,
    schema,
    schemaName,
    schemaFrom,
    typeName,
    typeFrom: '../../db/models',
    fnName: `parse${table[0]!.toUpperCase()}${table.slice(1)}RowCompiled`,
  }));
}

/** How a constant the generated code closes over is written in the module: only ones known to be safe to name. */
function constantSource(value: unknown): string {
  const util = core.util as unknown as Record<string, unknown>;
  if (value === util.codePointLength) return 'util.codePointLength';
  if (value === util.isPlainObject) return 'util.isPlainObject';
  if (value === Object.prototype.hasOwnProperty) return 'Object.prototype.hasOwnProperty';
  if (value === Object.prototype.propertyIsEnumerable) return 'Object.prototype.propertyIsEnumerable';
  if (value instanceof Set && [...value].every((v) => typeof v === 'string' || typeof v === 'number' || v === null)) {
    return `new Set(${JSON.stringify([...value])})`;
  }
  if (value instanceof RegExp) return value.toString();
  throw new Error(`generated parser closes over a constant the generator cannot name: ${String(value)}`);
}

/** zod's generated code and the values of its constants (captured from the `new Function` call zod makes). */
function compile(schema: core.$ZodType): { code: string; names: string[]; values: unknown[]; definite: boolean } {
  const RealFunction = globalThis.Function;
  let captured: { names: string[]; body: string; values?: unknown[] } | null = null;
  const Spy = function (...args: string[]) {
    const body = args[args.length - 1]!;
    const names = args.slice(0, -1);
    const factory = new RealFunction(...args) as (...values: unknown[]) => unknown;
    captured = { names, body };
    return (...values: unknown[]) => {
      captured!.values = values;
      return factory(...values);
    };
  } as unknown as FunctionConstructor;
  globalThis.Function = Spy;
  let fn: { definite?: boolean };
  try {
    fn = compileFn(schema as never) as { definite?: boolean };
  } finally {
    globalThis.Function = RealFunction;
  }
  const c = captured as { names: string[]; body: string; values?: unknown[] } | null;
  if (!c || !c.values) throw new Error('zod did not build its parser with new Function');
  const m = /^return \(input\) => \{\n([\s\S]*)\n\}$/.exec(c.body);
  if (!m) throw new Error('unexpected shape of zod generated code');
  return { code: m[1]!, names: c.names, values: c.values, definite: fn.definite === true };
}

/** The full text of one generated module. */
export function parserModuleSource(spec: ParserSpec): string {
  const { code, names, values, definite } = compile(spec.schema);
  // The callers treat INVALID as the schema's own rejection: only true of a definite parser.
  if (!definite) throw new Error(`${spec.schemaName}: zod's compiled parser is not definite (user callbacks); keep the interpreter`);
  const constants: string[] = [];
  let usesUtil = false;
  names.forEach((name, i) => {
    if (name === 'INVALID') return;
    const src = constantSource(values[i]);
    if (src.startsWith('util.')) usesUtil = true;
    constants.push(`const ${name} = ${src};`);
  });
  const body = code
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
  return [
    '// @ts-nocheck -- generated code: zod writes it untyped.',
    '/**',
    ` * GENERATED by \`npm run gen:parsers\` (scripts/lib/zod-parsers.ts) from \`${spec.schemaName}\` in ${spec.schemaFrom}, with zod's`,
    ' * own ahead-of-time compiler (`compileFn`). Do not edit: test/content/parsers.test.ts fails when it is out of date.',
    " * The parser is definite (no user callbacks): INVALID means the schema's `safeParse` fails too.",
    ' */',
    ...(usesUtil ? ["import { util } from 'zod/mini';"] : []),
    `import type { ${spec.typeName} } from '${spec.typeFrom}';`,
    '',
    "/** Returned when the input is not valid: the schema's `safeParse` rejects it too (a definite parser). */",
    "export const INVALID: unique symbol = Symbol('invalid');",
    ...constants,
    '',
    `/** \`${spec.schemaName}.safeParse(input).data\` when that succeeds (a fresh copy), else INVALID. */`,
    `export function ${spec.fnName}(input: unknown): ${spec.typeName} | typeof INVALID {`,
    body,
    '}',
    '',
  ].join('\n');
}
