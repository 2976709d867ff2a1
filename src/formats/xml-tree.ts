import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * One element of a parsed XML document, independent of any schema. Element order is the document order;
 * whitespace between child elements is dropped.
 */
export interface XmlElement {
  name: string;
  /** Attribute values with entities decoded (a prototype-free object). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /**
   * Character data: `null` for a self-closing element (`<a/>`) and for an element whose only text is the
   * whitespace between child elements; `''` for `<a></a>`; otherwise the decoded text (CDATA included).
   */
  text: string | null;
  /** True for `<a/>` (Redmine's nil), false for `<a></a>` (Redmine's empty string). */
  selfClosing: boolean;
}

/** Size limits applied while parsing; every field is optional and has a safe default. */
export interface XmlLimits {
  /** Longest accepted document, in characters (default 8 MiB). */
  maxLength?: number;
  /** Deepest element nesting, the root being level 1 (default 64). */
  maxDepth?: number;
  /** Most elements in one document (default 100,000). */
  maxElements?: number;
  /** Longest text node or attribute value, in characters (default 1 MiB). */
  maxTextLength?: number;
}

/** A document that is not well-formed XML, or that breaks a limit or uses a refused feature (DOCTYPE, entities). */
export class XmlFormatError extends Error {
  override name = 'XmlFormatError';
}

const DEFAULTS: Required<XmlLimits> = {
  maxLength: 8 * 1024 * 1024,
  maxDepth: 64,
  maxElements: 100_000,
  maxTextLength: 1024 * 1024,
};

type FxpNode = Record<string, unknown>;
const META = XMLParser.getMetaDataSymbol() as unknown as string;
const parsers = new Map<number, XMLParser>();

function parserFor(maxDepth: number): XMLParser {
  let parser = parsers.get(maxDepth);
  if (!parser) {
    parser = new XMLParser({
      preserveOrder: true,
      captureMetaData: true,
      processEntities: false,
      htmlEntities: false,
      trimValues: false,
      parseTagValue: false,
      parseAttributeValue: false,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      ignoreDeclaration: true,
      ignorePiTags: true,
      cdataPropName: '#cdata',
      maxNestedTags: maxDepth + 1,
      onDangerousProperty: (name: string) => name,
    });
    parsers.set(maxDepth, parser);
  }
  return parser;
}

/**
 * Parses an XML document into an {@link XmlElement} tree. DOCTYPE and every other `<!…>` declaration are refused
 * before parsing, so neither internal entity expansion ("billion laughs") nor external entities can happen; only the
 * five predefined entities and numeric character references are decoded. Throws {@link XmlFormatError} on malformed
 * input or when a limit is exceeded.
 */
export function parseXmlDocument(text: string, limits?: XmlLimits): XmlElement {
  const lim = limits ? { ...DEFAULTS, ...limits } : DEFAULTS;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (src.length > lim.maxLength) throw new XmlFormatError(`XML document longer than ${lim.maxLength} characters`);
  if (src.trim() === '') throw new XmlFormatError('empty XML document');
  prescan(src, lim.maxTextLength, lim.maxElements);
  const verdict = XMLValidator.validate(src);
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    throw new XmlFormatError(`malformed XML: ${msg} (line ${line}, column ${col})`);
  }
  let nodes: FxpNode[];
  try {
    nodes = parserFor(lim.maxDepth).parse(src) as FxpNode[];
  } catch (err) {
    const message = (err as Error).message;
    if (/nested tags/i.test(message)) throw new XmlFormatError(`XML nested deeper than ${lim.maxDepth} levels`);
    throw new XmlFormatError(`malformed XML: ${message}`);
  }
  let root: FxpNode | undefined;
  for (const node of nodes) {
    const key = tagOf(node);
    if (key === '#text') {
      if (String(node[key]).trim() !== '') throw new XmlFormatError('malformed XML: text outside the root element');
    } else if (key === '#cdata') {
      throw new XmlFormatError('malformed XML: CDATA outside the root element');
    } else if (root) {
      throw new XmlFormatError('malformed XML: more than one root element');
    } else {
      root = node;
    }
  }
  if (!root) throw new XmlFormatError('malformed XML: no root element');
  checkProlog(src, root);
  const state = { src, lim, count: 0 };
  return convert(root, 1, state);
}

/**
 * One linear pass before parsing: refuses `<!DOCTYPE`, `<!ENTITY` and any other declaration (comments and CDATA
 * are skipped), bounds every stretch between two `<` to twice maxTextLength and the number of tags to twice
 * maxElements, so a huge text node or a flood of elements is refused before the parser spends time on it.
 */
function prescan(src: string, maxText: number, maxElements: number): void {
  const maxGap = 2 * maxText + 1024;
  const maxTags = 2 * maxElements + 2;
  let tags = 0;
  let prev = 0;
  let i = src.indexOf('<');
  while (i !== -1) {
    if (i - prev > maxGap) throw new XmlFormatError(`XML text or attribute longer than ${maxText} characters`);
    if (++tags > maxTags) throw new XmlFormatError(`XML document has more than ${maxElements} elements`);
    if (src.charCodeAt(i + 1) === 33) {
      if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i + 4);
        if (end === -1) throw new XmlFormatError('malformed XML: comment is not closed');
        i = end + 2;
      } else if (src.startsWith('<![CDATA[', i)) {
        const end = src.indexOf(']]>', i + 9);
        if (end === -1) throw new XmlFormatError('malformed XML: CDATA section is not closed');
        if (end - i - 9 > maxText) throw new XmlFormatError(`XML text longer than ${maxText} characters`);
        i = end + 2;
      } else {
        throw new XmlFormatError('XML declarations (DOCTYPE, ENTITY, ELEMENT, ATTLIST) are not accepted');
      }
    }
    prev = i;
    i = src.indexOf('<', i + 1);
  }
  if (src.length - prev > maxGap) throw new XmlFormatError(`XML text longer than ${maxText} characters`);
}

const MISC = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g;

/** Only whitespace, comments and processing instructions may surround the root element. */
function checkProlog(src: string, root: FxpNode): void {
  const meta = root[META] as { startIndex?: number; endIndex?: number } | undefined;
  const before = src.slice(0, meta?.startIndex ?? 0);
  const after = meta?.endIndex === undefined ? '' : src.slice(meta.endIndex);
  if (before.replace(MISC, '').trim() !== '' || after.replace(MISC, '').trim() !== '') {
    throw new XmlFormatError('malformed XML: text outside the root element');
  }
}

function tagOf(node: FxpNode): string {
  for (const key in node) if (key !== ':@') return key;
  return '';
}

interface State {
  src: string;
  lim: Required<XmlLimits>;
  count: number;
}

function convert(node: FxpNode, depth: number, state: State): XmlElement {
  if (depth > state.lim.maxDepth) throw new XmlFormatError(`XML nested deeper than ${state.lim.maxDepth} levels`);
  if (++state.count > state.lim.maxElements) {
    throw new XmlFormatError(`XML document has more than ${state.lim.maxElements} elements`);
  }
  const name = tagOf(node);
  const attrs: Record<string, string> = Object.create(null);
  const rawAttrs = node[':@'] as Record<string, string> | undefined;
  if (rawAttrs) {
    for (const key in rawAttrs) {
      const value = decodeEntities(normalizeAttr(String(rawAttrs[key])));
      if (value.length > state.lim.maxTextLength) {
        throw new XmlFormatError(`XML attribute longer than ${state.lim.maxTextLength} characters`);
      }
      attrs[key] = value;
    }
  }
  const meta = node[META] as { endIndex?: number } | undefined;
  const end = meta?.endIndex;
  const selfClosing = end !== undefined && state.src.charCodeAt(end - 2) === 47;
  const children: XmlElement[] = [];
  let text = '';
  let hasText = false;
  for (const child of node[name] as FxpNode[]) {
    const key = tagOf(child);
    if (key === '#text') {
      text += decodeEntities(String(child[key]));
      hasText = true;
    } else if (key === '#cdata') {
      const parts = child[key] as FxpNode[];
      text += parts.length > 0 ? String(parts[0]?.['#text'] ?? '') : '';
      hasText = true;
    } else {
      children.push(convert(child, depth + 1, state));
    }
  }
  if (text.length > state.lim.maxTextLength) {
    throw new XmlFormatError(`XML text longer than ${state.lim.maxTextLength} characters`);
  }
  let value: string | null;
  if (selfClosing) value = null;
  else if (children.length === 0) value = text;
  else value = hasText && text.trim() !== '' ? text : null;
  return { name, attrs, children, text: value, selfClosing };
}

const ATTR_WS = /[\t\n\r]/g;

/** XML attribute-value normalization: literal tab, CR and LF become spaces (their references survive). */
function normalizeAttr(value: string): string {
  return value.includes('\n') || value.includes('\t') || value.includes('\r') ? value.replace(ATTR_WS, ' ') : value;
}

const ENTITY = /&(?:#x([0-9a-fA-F]{1,6});|#([0-9]{1,7});|(lt|gt|amp|quot|apos);)|&/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named) return NAMED[named] as string;
    if (hex === undefined && dec === undefined) {
      throw new XmlFormatError('malformed XML: "&" must start &lt; &gt; &amp; &quot; &apos; or &#…;');
    }
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(dec);
    const valid =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!valid) throw new XmlFormatError(`malformed XML: character reference to invalid character ${code}`);
    return String.fromCodePoint(code);
  });
}
