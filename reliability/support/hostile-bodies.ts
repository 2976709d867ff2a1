/** Hostile XML and JSON documents, each with the name the figures and failures use. */
export interface HostileBody {
  name: string;
  body: string | Buffer;
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>';

/** The classic "billion laughs": ten levels of ten-fold entity expansion (a few GB if expanded). */
export function billionLaughs(root: string): string {
  const lines = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) lines.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  return `${XML_DECL}<!DOCTYPE ${root} [${lines.join('')}]><${root}><name>&lol9;</name></${root}>`;
}

/**
 * XML attacks against a create body whose root element is `root`; `dtdUrl` is a URL the server must never fetch.
 */
export function xmlAttacks(root: string, dtdUrl: string): HostileBody[] {
  const deep = 60_000;
  return [
    { name: 'billion-laughs', body: billionLaughs(root) },
    {
      name: 'quadratic-blowup',
      body: `${XML_DECL}<!DOCTYPE ${root} [<!ENTITY a "${'a'.repeat(50_000)}">]><${root}><name>${'&a;'.repeat(10_000)}</name></${root}>`,
    },
    {
      name: 'external-entity-file',
      body: `${XML_DECL}<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><${root}><name>&xxe;</name></${root}>`,
    },
    {
      name: 'external-entity-url',
      body: `${XML_DECL}<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "${dtdUrl}/entity">]><${root}><name>&xxe;</name></${root}>`,
    },
    {
      name: 'external-dtd',
      body: `${XML_DECL}<!DOCTYPE ${root} SYSTEM "${dtdUrl}/evil.dtd"><${root}><name>x</name></${root}>`,
    },
    {
      name: 'parameter-entity',
      body: `${XML_DECL}<!DOCTYPE ${root} [<!ENTITY % p SYSTEM "${dtdUrl}/p.dtd"> %p;]><${root}><name>x</name></${root}>`,
    },
    { name: 'plain-doctype', body: `${XML_DECL}<!DOCTYPE ${root}><${root}><name>x</name></${root}>` },
    { name: 'undefined-entity', body: `${XML_DECL}<${root}><name>&undefined;</name></${root}>` },
    { name: 'invalid-char-reference', body: `${XML_DECL}<${root}><name>&#0;</name></${root}>` },
    { name: 'deep-nesting', body: `${XML_DECL}<${root}>${'<a>'.repeat(deep)}${'</a>'.repeat(deep)}</${root}>` },
    { name: 'element-flood', body: `${XML_DECL}<${root}>${'<a/>'.repeat(200_000)}</${root}>` },
    { name: 'unclosed-comment', body: `${XML_DECL}<${root}><!-- ${'x'.repeat(1000)}` },
    { name: 'two-roots', body: `${XML_DECL}<${root}/><${root}/>` },
  ];
}

/** JSON nested `depth` levels deep (arrays or objects). */
export function deepJson(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}
