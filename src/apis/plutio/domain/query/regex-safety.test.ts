import { expect, test } from 'vitest';
import { MAX_OPEN_QUANTIFIERS, MAX_REGEX_SUBJECT, regexProblem, regexSubject } from './regex-safety.js';

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
    '^jo.*n$',
    '@example\\.com$',
    '^[a-z]+ [a-z]+$',
    '^\\d{3}-\\d{4}$',
    '(ab){2,4}',
    '(\\d{2}){3}',
    '(a|b)?c',
    '\\w+@\\w+\\.\\w+',
  ]) {
    expect(regexProblem(p, 'i'), p).toBeUndefined();
  }
});

test('refuses nested quantifiers and alternation under an unbounded repeat', () => {
  for (const p of ['(a+)+', '(a*)*', '(a|aa)+', '(\\w?)+', '((ab)*c)+', '(x{1,3}){2,}', '(?:a+)*b', '([a-z]+)*$']) {
    expect(regexProblem(p), p).toMatch(/catastrophically/);
  }
});

test('refuses a group with variable content or an alternation repeated more than once, even boundedly', () => {
  for (const p of [
    '(a+){1,30}b',
    '(.*){1,25}x',
    '(.*a){25}',
    '(?:a|a?){2,30}$',
    '(a|a){2}',
    '((a|b)c){2,5}',
    '(a?){3}',
  ]) {
    expect(regexProblem(p), p).toMatch(/catastrophically \(a group with variable content repeated more than once\)/);
  }
  expect(regexProblem('(a+){1}')).toBeUndefined();
  expect(regexProblem('(a+)?b')).toBeUndefined();
});

test(`refuses more than ${MAX_OPEN_QUANTIFIERS} open-ended quantifiers`, () => {
  expect(regexProblem('a*b*c+d')).toBeUndefined();
  expect(regexProblem('a{1,5}b{2,9}')).toBeUndefined();
  for (const p of ['a*a*a*a*b', '\\w*\\w*\\w*\\w*!', 'a*b+c{2,}d*', 'a{0,20}a{0,20}a{0,20}a{0,20}b', '(ab)*c+d*e+']) {
    expect(regexProblem(p), p).toMatch(/more than 3 open-ended quantifiers/);
  }
});

test('regexSubject keeps the first 10,000 characters', () => {
  expect(regexSubject('abc')).toBe('abc');
  expect(regexSubject('a'.repeat(MAX_REGEX_SUBJECT + 5))).toHaveLength(MAX_REGEX_SUBJECT);
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
