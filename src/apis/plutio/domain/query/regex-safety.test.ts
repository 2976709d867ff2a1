import { expect, test } from 'vitest';
import { regexProblem } from './regex-safety.js';

test('accepts ordinary search patterns', () => {
  for (const p of [
    '^acme',
    'doe$',
    'a.*b',
    '[a-z]+@example\\.com',
    '(foo|bar)',
    '(ab)+',
    '(?:x\\d{2})*',
    'a{2,5}',
    '(?<y>\\d{4})-',
  ]) {
    expect(regexProblem(p, 'i'), p).toBeUndefined();
  }
});

test('refuses nested quantifiers and alternation under an unbounded repeat', () => {
  for (const p of ['(a+)+', '(a*)*', '(a|aa)+', '(\\w?)+', '((ab)*c)+', '(x{1,3}){2,}', '(?:a+)*b', '([a-z]+)*$']) {
    expect(regexProblem(p), p).toMatch(/catastrophically/);
  }
});

test('refuses back-references, long patterns, unknown flags and invalid syntax', () => {
  expect(regexProblem('(a)\\1')).toMatch(/back-references/);
  expect(regexProblem('(?<n>a)\\k<n>')).toMatch(/back-references/);
  expect(regexProblem('a'.repeat(257))).toMatch(/longer than 256/);
  expect(regexProblem('a'.repeat(256))).toBeUndefined();
  expect(regexProblem('abc', 'g')).toMatch(/flag "g"/);
  expect(regexProblem('abc', 'x')).toMatch(/flag "x"/);
  expect(regexProblem('(abc')).toMatch(/not a valid/);
});

test('escaped parentheses and character classes are not groups', () => {
  expect(regexProblem('\\(a+\\)+')).toBeUndefined();
  expect(regexProblem('[(a+)]+')).toBeUndefined();
});
