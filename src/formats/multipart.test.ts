import { expect, test } from 'vitest';
import { FormFormatError } from './form-params.js';
import { boundaryOf, parseMultipartForm } from './multipart.js';

const BOUNDARY = '----crmkitBoundary7MA4YWxkTrZu0gW';

function multipart(fields: [string, string, string?][]): Buffer {
  const parts = fields.map(([name, value, filename]) => {
    const file = filename ? `; filename="${filename}"\r\nContent-Type: text/plain` : '';
    return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${file}\r\n\r\n${value}\r\n`;
  });
  return Buffer.from(`${parts.join('')}--${BOUNDARY}--\r\n`);
}

test('decodes the RedmineUP web form (text fields, nested keys, arrays of hashes)', () => {
  const body = multipart([
    ['key', '9a13f31770b80767a57d753961acbd3a18eb1370'],
    ['project_id', 'contacts-plugin'],
    ['contact[first_name]', 'Jürgen'],
    ['contact[last_name]', 'Smith'],
    ['contact[tag_list]', 'vip,cold call'],
    ['contact[custom_fields][][id]', '1'],
    ['contact[custom_fields][][value]', 'line 1\r\nline 2'],
    ['commit', 'Save'],
  ]);
  expect(parseMultipartForm(body, BOUNDARY)).toEqual({
    key: '9a13f31770b80767a57d753961acbd3a18eb1370',
    project_id: 'contacts-plugin',
    contact: {
      first_name: 'Jürgen',
      last_name: 'Smith',
      tag_list: 'vip,cold call',
      custom_fields: [{ id: '1', value: 'line 1\r\nline 2' }],
    },
    commit: 'Save',
  });
});

test('skips file parts and drops prototype keys', () => {
  const body = multipart([
    ['avatar', 'binary-ish', 'a.png'],
    ['__proto__[x]', '1'],
    ['name', 'n'],
  ]);
  expect(parseMultipartForm(body, BOUNDARY)).toEqual({ name: 'n' });
});

test('reads the boundary from a Content-Type header', () => {
  expect(boundaryOf(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
  expect(boundaryOf('multipart/form-data; boundary="a b"; charset=utf-8')).toBe('a b');
  expect(boundaryOf('multipart/form-data')).toBeNull();
});

test('refuses bodies without the boundary, unterminated parts and too many fields', () => {
  expect(() => parseMultipartForm(Buffer.from('name=x'), BOUNDARY)).toThrow(FormFormatError);
  const cut = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue`);
  expect(() => parseMultipartForm(cut, BOUNDARY)).toThrow(/not terminated/);
  const many = multipart(Array.from({ length: 6 }, (_, i): [string, string] => [`f${i}`, 'x']));
  expect(() => parseMultipartForm(many, BOUNDARY, { maxFields: 5 })).toThrow(/more than 5 fields/);
});
