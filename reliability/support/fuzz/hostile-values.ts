import fc from 'fast-check';

/** Strings that have broken web servers before: numbers out of range, traversal, injection, odd Unicode, keys. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '0',
  '-1',
  '1.5',
  '1e309',
  '99999999999999999999999999',
  '-9223372036854775809',
  'NaN',
  'Infinity',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%00',
  '\u0000',
  '\u202e\u0644\u0627',
  '\ud83d\ude00\u200d\ud83d\udd25',
  '\uffff\ufffe',
  '<script>alert(1)</script>',
  "' OR '1'='1",
  ['$', '{7*7}{{7*7}}'].join(''),
  '__proto__',
  'constructor',
  'prototype',
  '$where',
  'a'.repeat(5000),
];

/** A hostile string: from the list, random code points, or long random text. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 400 }) },
);

/** Header values node:http can send (tab, printable ASCII, Latin-1), otherwise hostile. */
export const hostileHeaderValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', 'null', '0', '-1', '9'.repeat(40), 'a'.repeat(2000), '\t\u00ff\u00e9', '=?utf-8?b?AAA=?='),
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c === 0x7f ? 0x7e : c)),
    maxLength: 60,
  }),
);

/** Header names that are valid tokens, some of them meaningful to the server. */
export const headerName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'X-Redmine-API-Key',
    'X-Redmine-Switch-User',
    'X-Redmine-Nometa',
    'Authorization',
    'Accept',
    'Accept-Encoding',
    'Prefer',
    'Business',
    'X-Forwarded-For',
    'Transfer-Encoding-Hint',
    'Content-Language',
    'If-None-Match',
  ),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/),
);

/** Values for a query parameter: a hostile string, a huge or negative number, or a list. */
export const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  hostileString,
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.integer({ min: -5, max: 1_000_000 }).map(String),
);

/** The keys that would pollute a prototype if a merge or assignment trusted them. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
