import { expect, test } from 'vitest';
import { decodeXmlBytes } from './xml-encoding.js';

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const doc = (encoding: string, name: string) =>
  `<?xml version="1.0" encoding="${encoding}"?><p><name>${name}</name></p>`;

test('the encoding of the XML declaration is honoured: ISO-8859-1 byte for byte, Windows-1252, UTF-8', () => {
  expect(decodeXmlBytes(latin1(doc('ISO-8859-1', 'caf\xe9')))).toContain('<name>café</name>');
  expect(decodeXmlBytes(latin1(doc('latin1', 'caf\xe9')))).toContain('<name>café</name>');
  expect(decodeXmlBytes(latin1(doc('iso-8859-1', '\x80')))).toContain('<name>\u0080</name>');
  expect(decodeXmlBytes(latin1(doc('windows-1252', '\x80uro')))).toContain('<name>€uro</name>');
  expect(decodeXmlBytes(Buffer.from(doc('UTF-8', 'café')))).toContain('<name>café</name>');
  expect(decodeXmlBytes(latin1(`<?xml version='1.0' encoding='ISO-8859-15'?><p>\xa4</p>`))).toContain('<p>€</p>');
});

test('without a declaration: the Content-Type charset, else UTF-8; invalid UTF-8 is refused, never replaced', () => {
  expect(decodeXmlBytes(latin1('<p>caf\xe9</p>'), 'ISO-8859-1')).toBe('<p>café</p>');
  expect(decodeXmlBytes(Buffer.from('<p>café</p>'))).toBe('<p>café</p>');
  expect(() => decodeXmlBytes(latin1('<p>caf\xe9</p>'))).toThrow('not valid UTF-8');
  expect(() => decodeXmlBytes(latin1(doc('UTF-8', 'caf\xe9')))).toThrow('not valid UTF-8 (the XML declaration)');
  // The declaration wins over the charset, as in Redmine.
  expect(decodeXmlBytes(latin1(doc('ISO-8859-1', 'caf\xe9')), 'utf-8')).toContain('café');
});

test('byte order marks: UTF-8 and UTF-16 are read; a declaration contradicting the mark is refused', () => {
  const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc('UTF-8', 'café'))]);
  expect(decodeXmlBytes(bom8)).toBe(doc('UTF-8', 'café'));
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc('UTF-16', 'café'), 'utf16le')]);
  expect(decodeXmlBytes(utf16)).toBe(doc('UTF-16', 'café'));
  const be = Buffer.from(doc('UTF-16', 'é'), 'utf16le').swap16();
  expect(decodeXmlBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(doc('UTF-16', 'é'));
  const mismatch = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), latin1(doc('ISO-8859-1', 'caf\xe9'))]);
  expect(() => decodeXmlBytes(mismatch)).toThrow('the byte order mark says UTF-8, the declaration says ISO-8859-1');
  const utf16Latin = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc('ISO-8859-1', 'x'), 'utf16le')]);
  expect(() => decodeXmlBytes(utf16Latin)).toThrow('the byte order mark says UTF-16LE');
  // A UTF-16 declaration on single-byte text (no mark) is read as UTF-8, as Redmine does.
  expect(decodeXmlBytes(Buffer.from(doc('UTF-16', 'x')))).toBe(doc('UTF-16', 'x'));
});

test('an encoding nobody knows is refused by name', () => {
  expect(() => decodeXmlBytes(Buffer.from(doc('x-bogus', 'x')))).toThrow('unsupported encoding "x-bogus"');
  expect(() => decodeXmlBytes(Buffer.from('<p/>'), 'klingon')).toThrow('unsupported encoding "klingon"');
  expect(() => decodeXmlBytes(Buffer.from(doc('iso-2022-kr', 'x')))).toThrow('unsupported encoding');
});
