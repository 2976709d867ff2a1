import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { load as loadJsYaml } from 'js-yaml';
import { expect, test } from 'vitest';
import { parse, parseDocument, stringify, visit } from 'yaml';
import { API_IDS, bundlePath, loadBundledSpec } from './load.js';
import { toPortableYaml } from './yaml-writer.js';

// The YAML bundles (dist/openapi/<api>.yaml, written by `npm run bundle`) must mean the same as the JSON bundles to
// YAML 1.2 loaders and to YAML 1.1 loaders alike. js-yaml's default schema and the `yaml` package's 1.1 schema stand
// in for the 1.1 loaders here; scripts/check-yaml11.py checks the bundles with PyYAML.

/** The loaders a bundle must mean the same to. */
const LOADERS: Record<string, (text: string) => unknown> = {
  'js-yaml default schema': (text) => loadJsYaml(text),
  'yaml, version 1.1': (text) => parse(text, { version: '1.1' }),
  'yaml, version 1.2 core': (text) => parse(text),
};

for (const api of API_IDS) {
  for (const [loader, load] of Object.entries(LOADERS)) {
    test(`${api}: the YAML bundle read by ${loader} equals the JSON bundle`, () => {
      const json = loadBundledSpec(api);
      const file = bundlePath(api, 'yaml');
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        throw new Error(`cannot read ${file} (${(err as Error).message}); run "npm run bundle" first`);
      }
      expect(load(text)).toEqual(json);
    });
  }
}

/** Strings that some YAML 1.1 or 1.2 loader reads as something else when they are written plain. */
const TRICKY_STRINGS = [
  // dates and timestamps (1.1 timestamp type; js-yaml, PyYAML and Psych make Date objects)
  '2013-11-19',
  '2002-1-1',
  '2022-09-05T10:14:22.418Z',
  '2001-12-14 21:59:43.10 -5',
  '2001-12-14 21:59:43 +0100',
  '-2001-12-14 21:59:43',
  // 1.1 booleans and nulls, in the spellings of the spec, and Psych's any-case ones
  ...['yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'Yes', 'NO', 'On', 'OFF', 'yEs', 'oN', 'tRUE'],
  ...['true', 'False', 'null', 'Null', 'NULL', 'nULL', '~', ''],
  // numbers: 1.1 octals, binary, sexagesimal, underscores; 1.2 octals and hex; floats and special floats
  ...['0777', '0o17', '0x1F', '0b101', '1:20', '190:20:30.15', '-1:30', '1_000', '1_0.5', '12', '-0', '+12'],
  ...['1.', '.5', '1e3', '6.8523015e+5', '.inf', '-.inf', '+.Inf', '.NaN', '.INf', '.nAn', '.'],
  // Psych's thousands commas and symbols; PyYAML's `=`; the merge key
  ...['1,000', '1,5.0', '0x1,F', ':id', ':"quoted"', '=', '<<'],
  // characters YAML 1.1 loaders read differently: a tab (PyYAML), NEL / LINE SEPARATOR / PARAGRAPH SEPARATOR (1.1
  // line breaks), DEL and C1 controls (not printable), a byte order mark
  ...['a\tb', 'nel\u0085x', '\u2028x', 'p\u2029', 'two\nlines\u2028', 'del\u007f', 'csi\u009b', 'bom\ufeff'],
];

/** The tricky values as a document: each as a value, as a key, and nested in a list. */
const trickyDocument = {
  info: { version: '2013-11-19' },
  values: TRICKY_STRINGS,
  keys: Object.fromEntries(TRICKY_STRINGS.map((s, i) => [s, i])),
  nested: [{ example: { created_on: '2026-11-22T18:40:41Z', flag: 'off', code: '0777' } }],
  numbers: [0, 1, -3, 1.5, 0.1, 1e21, -2e21, 1e-7, 5e-324, 1.7976931348623157e308],
  literals: [true, false, null],
};

test('the tricky document is one the plain yaml stringify gets wrong for YAML 1.1 loaders', () => {
  // Guards the fixture: if these values stopped being tricky, the tests below would prove nothing.
  const plain = stringify(trickyDocument, { lineWidth: 0, aliasDuplicateObjects: false });
  const readsBack = (load: (text: string) => unknown) => {
    try {
      return isDeepStrictEqual(load(plain), trickyDocument);
    } catch {
      return false; // js-yaml refuses `<<: 58` (a merge key whose value is not a mapping)
    }
  };
  expect(readsBack(loadJsYaml)).toBe(false);
  expect(readsBack((text) => parse(text, { version: '1.1' }))).toBe(false);
});

for (const [loader, load] of Object.entries(LOADERS)) {
  test(`toPortableYaml: ${loader} reads the tricky document back unchanged`, () => {
    expect(load(toPortableYaml(trickyDocument))).toEqual(trickyDocument);
  });
}

test('toPortableYaml quotes every tricky string, as a value and as a key', () => {
  // PyYAML's `=`, Psych's symbols, commas and any-case booleans are not checked by the loaders above: they must not
  // be written plain either.
  const doc = parseDocument(toPortableYaml(trickyDocument));
  const plain: string[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && TRICKY_STRINGS.includes(node.value) && node.type === 'PLAIN')
        plain.push(node.value);
    },
  });
  expect(plain).toEqual([]);
});

test('toPortableYaml escapes the characters YAML 1.1 reads as line breaks or refuses', () => {
  const text = toPortableYaml(trickyDocument);
  expect(text).not.toMatch(/[\u007f-\u009f\u2028\u2029\ufeff]/);
  expect(text).toContain('"nel\\u0085x"');
  expect(text).toContain('"two\\nlines\\u2028"');
});

test('toPortableYaml writes every number in a form YAML 1.1 reads as a number', () => {
  // YAML 1.1 (and PyYAML, Psych) floats need a dot in the mantissa and a signed exponent: `1e+21` would be a string.
  const int11 = /^[-+]?(?:0|[1-9][0-9_]*)$/;
  const float11 = /^[-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+][0-9]+)?$/;
  const doc = parseDocument(toPortableYaml({ numbers: trickyDocument.numbers }));
  const sources: string[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'number') sources.push(String(node.source));
    },
  });
  expect(sources).toHaveLength(trickyDocument.numbers.length);
  expect(sources.filter((s) => !int11.test(s) && !float11.test(s))).toEqual([]);
  expect(sources).toContain('1.0e+21');
  expect(sources).toContain('1.0e-7');
});

test('toPortableYaml: any string made of YAML-significant characters is read back unchanged by every loader', () => {
  const chars = [...'0123456789.-+:eE_,xobXOB yYnNtTfFlLsuUrR~=<>#!&*|?%@`"\'[]{}\t\n\rZz\u0085\u2028\ufeff'];
  const tricky = fc.string({ unit: fc.constantFrom(...chars), maxLength: 12 });
  fc.assert(
    fc.property(tricky, (s) => {
      const doc = { [s]: s, list: [s, `${s} `, `-${s}`] };
      const text = toPortableYaml(doc);
      for (const load of Object.values(LOADERS)) expect(load(text)).toEqual(doc);
    }),
    { numRuns: 3000 },
  );
});

test('toPortableYaml keeps ordinary strings plain and the output readable', () => {
  const text = toPortableYaml({ openapi: '3.1.0', info: { title: 'Redmine', version: 'v1.8' }, list: ['a b', 'x-y'] });
  expect(text).toBe('openapi: 3.1.0\ninfo:\n  title: Redmine\n  version: v1.8\nlist:\n  - a b\n  - x-y\n');
});
