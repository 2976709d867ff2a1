import { type ScalarTag, Schema, stringify } from 'yaml';
import { stringTag } from 'yaml/util';

/**
 * A plain scalar matching `test` is read as something other than a string by some YAML loader; the writer quotes it.
 * `resolve` is never called (these tags only steer quoting when stringifying).
 */
const quoteWhen = (test: RegExp): ScalarTag => ({ tag: '!quoted', default: true, test, resolve: String });

/**
 * Plain scalars that common YAML 1.1 loaders resolve to non-strings beyond what the `yaml` package's own 1.1 schema
 * covers (its timestamps, `yes`/`no`/`on`/`off`/`y`/`n`, `0777` octals, `1:20` sexagesimals, `1_000`, `.inf`, `<<`):
 * - PyYAML reads `=` as the "value" type, which its safe loader cannot construct (an error, not a string);
 * - Ruby's Psych ignores letter case in `null`, the booleans, `.inf` and `.nan` (`nULL`, `yEs`, `.INf`), reads
 *   `:name` as a Symbol (refused by `safe_load`), accepts thousands commas in numbers (`1,000`, `1,5.0`), and takes
 *   timestamps with a leading minus or a `+hhmm` offset;
 * - PyYAML ends a plain scalar at a tab (`a\tb` is a syntax error).
 * The patterns follow PyYAML's resolver.py and Psych's scalar_scanner.rb; a wider pattern only quotes more.
 */
const LOADER_QUIRKS: ScalarTag[] = [
  quoteWhen(/^=$/),
  quoteWhen(/^(?:null|yes|no|true|false|on|off)$/i),
  quoteWhen(/^[-+]?\.(?:inf|nan)$/i),
  quoteWhen(/^:./),
  quoteWhen(/^[-+]?(?:0b[0-1_,]+|0x[0-9a-fA-F_,]+|[0-9][0-9_,]*|[0-9_,]*\.[0-9]*(?:[eE][-+][0-9]+)?)$/),
  quoteWhen(/\t/),
  quoteWhen(/^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/),
];

/**
 * Every plain scalar that a YAML 1.1 loader reads as a non-string, as tags the `yaml` package checks each plain
 * string against before writing it unquoted (its `compat` option; the main schema stays the 1.2 core schema).
 */
const YAML_11_COMPAT = [...new Schema({ schema: 'yaml-1.1' }).tags, ...LOADER_QUIRKS];

/**
 * Characters a string must not hold unescaped: YAML 1.1 reads NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR as line
 * breaks in every scalar style (1.2 does not), DEL and the C1 controls are not printable in either version, and a
 * byte order mark belongs only at the start of a stream. The `yaml` package writes them raw (it escapes what
 * `JSON.stringify` escapes), so strings holding them are written double-quoted with `\uXXXX` escapes instead.
 */
const MUST_ESCAPE = /[\x7f-\x9f\u2028\u2029\ufeff]/;
const MUST_ESCAPE_ALL = new RegExp(MUST_ESCAPE.source, 'g');

/**
 * Multi-line strings whose first visible character is preceded by a space or tab. The `yaml` package writes them as
 * block scalars, whose indentation loaders detect from those leading lines: they disagree about lines of spaces
 * (`" \n"` comes back as `"\n"`), and libyaml (Psych) refuses a tab there. Such strings are written double-quoted.
 */
const AMBIGUOUS_BLOCK = /^[ \t\n]*[ \t]/;

const portableString: ScalarTag = {
  ...stringTag,
  stringify(item, ctx, onComment, onChompKeep) {
    const value = String(item.value);
    const ambiguous = value.includes('\n') && AMBIGUOUS_BLOCK.test(value);
    if (!ambiguous && !MUST_ESCAPE.test(value))
      return stringTag.stringify?.(item, ctx, onComment, onChompKeep) ?? value;
    // A JSON string is a valid YAML double-quoted scalar in both versions; escape what JSON leaves raw.
    return JSON.stringify(value).replace(MUST_ESCAPE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  },
};

/**
 * Numbers that JavaScript writes with an exponent (`1e+21`, `1e-7`): YAML 1.1 floats need a dot in the mantissa, so
 * PyYAML and Psych would read these as strings; `1.0e+21` is the same number to every loader. The tag is picked for
 * such numbers only (its `test` matches nothing, so it never resolves a scalar when parsing).
 */
const portableExponent: ScalarTag = {
  tag: 'tag:yaml.org,2002:float',
  default: true,
  identify: (value) => typeof value === 'number' && /e/.test(String(value)),
  test: /(?!)/,
  resolve: Number,
  stringify: (item) => String(item.value).replace(/^(-?\d+)e/, '$1.0e'),
};

/**
 * A JSON-compatible document as YAML that means the same to YAML 1.2 loaders (the `yaml` package, and any loader
 * with the core or JSON schema) and to YAML 1.1 loaders (PyYAML, js-yaml's default schema, Ruby's Psych): every
 * string that any of them would read as a date, boolean, number, null, merge key or symbol is quoted, so
 * `info.version: "2013-11-19"` stays a string, and numbers are written in a form all of them read as numbers. No
 * line folding, and objects that occur twice are written out twice rather than as anchors and aliases.
 */
export function toPortableYaml(doc: unknown): string {
  return stringify(doc, {
    lineWidth: 0,
    aliasDuplicateObjects: false,
    compat: YAML_11_COMPAT,
    customTags: (tags) => [
      portableExponent,
      ...tags.map((tag) => (typeof tag === 'object' && tag.tag === stringTag.tag ? portableString : tag)),
    ],
  });
}
