import { expect, test } from 'vitest';
import { parseXmlDocument, XmlFormatError } from './xml-tree.js';

const timed = (fn: () => unknown): { error: unknown; ms: number } => {
  const start = performance.now();
  try {
    fn();
    return { error: undefined, ms: performance.now() - start };
  } catch (error) {
    return { error, ms: performance.now() - start };
  }
};

test('parses elements, attributes and text in document order', () => {
  const root = parseXmlDocument('<?xml version="1.0"?><a x="1"><b>one</b><c y="2"/><b>two</b></a>');
  expect(root.name).toBe('a');
  expect(root.attrs).toEqual({ x: '1' });
  expect(root.children.map((c) => [c.name, c.text])).toEqual([
    ['b', 'one'],
    ['c', null],
    ['b', 'two'],
  ]);
  expect(root.text).toBeNull();
});

test('tells <a/> (null) from <a></a> (empty string)', () => {
  const root = parseXmlDocument('<r><a/><b></b><c> </c></r>');
  expect(root.children.map((c) => [c.selfClosing, c.text])).toEqual([
    [true, null],
    [false, ''],
    [false, ' '],
  ]);
});

test('decodes predefined entities, character references and CDATA', () => {
  const root = parseXmlDocument(
    '<r a="&quot;x&quot; &amp; &#233;">&lt;b&gt; &apos;&#x263A;&apos;<![CDATA[<i>&amp;</i>]]></r>',
  );
  expect(root.attrs.a).toBe('"x" & é');
  expect(root.text).toBe("<b> '☺'<i>&amp;</i>");
});

test('drops indentation between elements, keeps CRLF text as LF and normalizes attribute whitespace', () => {
  const root = parseXmlDocument('\ufeff<r t="a\nb&#10;c">\r\n  <a>x\r\ny</a>\r\n  <!-- note --><?pi data?>\r\n</r>');
  expect(root.children).toHaveLength(1);
  expect(root.children[0]?.text).toBe('x\ny');
  expect(root.attrs.t).toBe('a b\nc');
});

test('refuses a DOCTYPE with nested entities (billion laughs) quickly', () => {
  const lol = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE lolz [<!ENTITY lol "lol">',
    ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
    ']>',
    '<lolz>&lol9;</lolz>',
  ].join('\n');
  const { error, ms } = timed(() => parseXmlDocument(lol));
  expect(error).toBeInstanceOf(XmlFormatError);
  expect((error as Error).message).toMatch(/DOCTYPE/);
  expect(ms).toBeLessThan(50);
});

test('refuses external entities and stray declarations', () => {
  const external = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
  expect(() => parseXmlDocument(external)).toThrow(XmlFormatError);
  expect(() => parseXmlDocument('<r><!ENTITY x "y"></r>')).toThrow(/not accepted/);
  expect(() => parseXmlDocument('<r>&x;</r>')).toThrow(XmlFormatError);
  expect(() => parseXmlDocument('<r>a & b</r>')).toThrow(XmlFormatError);
  expect(() => parseXmlDocument('<r>&#0;</r>')).toThrow(/invalid character/);
});

test('accepts DOCTYPE-looking text inside CDATA and comments', () => {
  expect(parseXmlDocument('<r><![CDATA[<!DOCTYPE x>]]><!-- <!ENTITY y "z"> --></r>').text).toBe('<!DOCTYPE x>');
});

test('refuses 10,000-deep nesting with an error, not a stack overflow', () => {
  const deep = `${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`;
  const { error, ms } = timed(() => parseXmlDocument(deep));
  expect(error).toBeInstanceOf(XmlFormatError);
  expect((error as Error).message).toMatch(/deeper than 64/);
  expect(ms).toBeLessThan(500);
});

test('accepts depth 64 and refuses depth 65', () => {
  const nest = (n: number) => `${'<a>'.repeat(n)}x${'</a>'.repeat(n)}`;
  expect(parseXmlDocument(nest(64)).name).toBe('a');
  expect(() => parseXmlDocument(nest(65))).toThrow(/deeper than 64/);
  expect(() => parseXmlDocument(nest(5), { maxDepth: 4 })).toThrow(/deeper than 4/);
});

test('refuses a 5 MB text node under the default limits, quickly', () => {
  const big = `<a>${'x'.repeat(5 * 1024 * 1024)}</a>`;
  const { error, ms } = timed(() => parseXmlDocument(big));
  expect(error).toBeInstanceOf(XmlFormatError);
  expect((error as Error).message).toMatch(/longer than/);
  expect(ms).toBeLessThan(200);
});

test('accepts a 5 MB text node when the limits allow it', () => {
  const size = 5 * 1024 * 1024;
  const root = parseXmlDocument(`<a>${'x'.repeat(size)}</a>`, { maxTextLength: 6 * 1024 * 1024 });
  expect(root.text).toHaveLength(size);
});

test('enforces text, attribute, length and element-count limits', () => {
  expect(() => parseXmlDocument('<a>0123456789</a>', { maxTextLength: 5 })).toThrow(/text longer than 5/);
  expect(() => parseXmlDocument('<a b="0123456789"/>', { maxTextLength: 5 })).toThrow(/attribute longer than 5/);
  expect(() => parseXmlDocument('<a>x</a>', { maxLength: 4 })).toThrow(/longer than 4 characters/);
  expect(() => parseXmlDocument(`<a>${'<b/>'.repeat(10)}</a>`, { maxElements: 10 })).toThrow(/more than 10/);
  expect(parseXmlDocument(`<a>${'<b/>'.repeat(9)}</a>`, { maxElements: 10 }).children).toHaveLength(9);
  const flood = timed(() => parseXmlDocument(`<a>${'<b/>'.repeat(300_000)}</a>`));
  expect((flood.error as Error).message).toMatch(/more than 100000 elements/);
  expect(flood.ms).toBeLessThan(100);
});

test('refuses malformed documents with a reason', () => {
  const cases: [string, RegExp][] = [
    ['', /empty/],
    ['<a><b></a>', /malformed/],
    ['<a>', /malformed/],
    ['<a/><b/>', /more than one root/],
    ['<a/>tail', /outside the root/],
    ['lead<a/>', /malformed/],
    ['just text', /malformed/],
    ['<a x="1" x="2"/>', /repeated/],
    ['<a><__proto__/></a>', /malformed/],
  ];
  for (const [xml, reason] of cases) {
    expect(() => parseXmlDocument(xml), xml).toThrow(XmlFormatError);
    expect(() => parseXmlDocument(xml), xml).toThrow(reason);
  }
});

test('attribute objects have no prototype; prototype-related names are refused', () => {
  const root = parseXmlDocument('<a toString="x"/>');
  expect(Object.getPrototypeOf(root.attrs)).toBeNull();
  expect(root.attrs.toString).toBe('x');
  expect(parseXmlDocument('<a/>').attrs.hasOwnProperty).toBeUndefined();
  expect(() => parseXmlDocument('<a constructor="x"/>')).toThrow(XmlFormatError);
  expect(() => parseXmlDocument('<a __proto__="x"/>')).toThrow(XmlFormatError);
});
