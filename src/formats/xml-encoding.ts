import { XmlFormatError } from './xml-tree.js';

/** Bytes of the document start searched for the XML declaration (`<?xml version="1.0" encoding="…"?>`). */
const PROLOG_BYTES = 256;
const DECLARED_ENCODING = /^<\?xml\s[^?]*?\bencoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._:-]*)\1/;

/**
 * Turns the bytes of an XML request body into text, in the encoding the document names:
 * 1. a byte order mark: UTF-8 (`EF BB BF`), UTF-16 LE (`FF FE`) or BE (`FE FF`); an XML declaration naming
 *    another encoding contradicts it and is refused (XML 1.0, appendix F);
 * 2. else the XML declaration's `encoding` — any encoding the WHATWG Encoding Standard knows (UTF-8, ISO-8859-1 /
 *    Latin-1, Windows-1252, ISO-8859-15, Shift_JIS, …), as Redmine's parser honours it; a UTF-16 declaration on
 *    bytes without a UTF-16 byte order mark is read as UTF-8, as Redmine does (the declaration itself was
 *    readable as ASCII, so the document is not UTF-16);
 * 3. else the `charset` of the Content-Type (Redmine ignores it and reads such a body as UTF-8);
 * 4. else UTF-8.
 * ISO-8859-1 is decoded byte for byte (code points 0–255), not as the WHATWG alias of Windows-1252.
 * @throws XmlFormatError for an encoding nobody knows, a contradiction with the byte order mark, or bytes that are
 * not valid in the encoding (invalid UTF-8 among them).
 */
export function decodeXmlBytes(buf: Uint8Array, charset?: string): string {
  const bom = byteOrderMark(buf);
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    const text = decode(buf.subarray(2), bom, 'the byte order mark');
    const declared = declaredEncoding(text);
    if (declared !== undefined && !/^utf-?16/i.test(declared)) {
      throw new XmlFormatError(`the byte order mark says ${bom.toUpperCase()}, the declaration says ${declared}`);
    }
    return text;
  }
  const body = bom === 'utf-8' ? buf.subarray(3) : buf;
  const declared = declaredEncoding(Buffer.from(body.buffer, body.byteOffset, Math.min(body.length, PROLOG_BYTES)));
  if (bom === 'utf-8') {
    if (declared !== undefined && canonical(declared, 'the declaration') !== 'utf-8') {
      throw new XmlFormatError(`the byte order mark says UTF-8, the declaration says ${declared}`);
    }
    return decode(body, 'utf-8', 'the byte order mark');
  }
  if (declared !== undefined) {
    return decode(body, /^utf-?16/i.test(declared) ? 'utf-8' : declared, 'the XML declaration');
  }
  return decode(body, charset?.trim() || 'utf-8', charset?.trim() ? 'the Content-Type charset' : 'the default');
}

function byteOrderMark(buf: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The `encoding` of the XML declaration at the start of `text` (bytes read as Latin-1), if any. */
function declaredEncoding(text: string | Buffer): string | undefined {
  const start = typeof text === 'string' ? text.slice(0, PROLOG_BYTES) : text.toString('latin1');
  return DECLARED_ENCODING.exec(start)?.[2];
}

/** The canonical name of an encoding label (`latin1` → `iso-8859-1`, `UTF8` → `utf-8`); refuses unknown ones. */
function canonical(label: string, where: string): string {
  const lower = label.toLowerCase();
  if (lower === 'iso-8859-1' || lower === 'iso8859-1' || lower === 'latin1' || lower === 'l1') return 'iso-8859-1';
  try {
    return new TextDecoder(lower).encoding;
  } catch {
    throw new XmlFormatError(`unsupported encoding "${label}" (${where})`);
  }
}

/**
 * Windows-1252's characters for the bytes 0x80–0x9F (the rest is ISO-8859-1); undefined bytes stay the C1 code
 * points, as the WHATWG table has them. Decoded here: node's own `windows-1252` decoder reads these bytes as
 * ISO-8859-1 in some releases.
 */
const CP1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decode(bytes: Uint8Array, label: string, where: string): string {
  const encoding = canonical(label, where);
  if (encoding === 'iso-8859-1') return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  if (encoding === 'windows-1252') {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
    return text.replace(/[\x80-\x9f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] as string);
  }
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new XmlFormatError(`the body is not valid ${encoding.toUpperCase()} (${where})`);
  }
}
