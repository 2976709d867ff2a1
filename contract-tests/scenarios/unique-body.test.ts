import { expect, test } from 'vitest';
import { uniquify } from './unique-body.js';

test('names and e-mails get the run tag; other and constrained strings are kept', () => {
  const schema = {
    type: 'object',
    properties: {
      name: { type: 'string' },
      country: { type: 'string' },
      mails: { type: 'array', items: { type: 'string' } },
      email: { type: 'string', format: 'email' },
      status: { type: 'string', enum: ['active'] },
      code: { type: 'string', maxLength: 8 },
      title: { type: 'string', maxLength: 8 },
      created: { type: 'string', format: 'date-time' },
    },
  };
  const value = {
    name: 'Acme',
    country: 'Germany',
    mails: ['x@example.com'],
    email: 'a@example.com',
    status: 'active',
    code: 'ABCDEFGH',
    title: 'ABCDEFGH',
    created: '2026-01-01T00:00:00Z',
  };
  expect(uniquify(value, schema, 'ct1')).toEqual({
    name: 'Acme-ct1',
    country: 'Germany',
    mails: ['x+ct1@example.com'],
    email: 'a+ct1@example.com',
    status: 'active',
    code: 'ABCDEFGH',
    title: 'ABCD-ct1',
    created: '2026-01-01T00:00:00Z',
  });
});
