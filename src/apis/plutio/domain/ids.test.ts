import { expect, test } from 'vitest';
import { ID_ALPHABET, IdGenerator, isMeteorId, stableId } from './ids.js';

test('ids are 17 characters of the Meteor alphabet', () => {
  const gen = new IdGenerator('1:acme');
  for (let i = 0; i < 200; i++) {
    const id = gen.next();
    expect(id).toHaveLength(17);
    for (const ch of id) expect(ID_ALPHABET).toContain(ch);
    expect(isMeteorId(id)).toBe(true);
  }
});

test('the same seed gives the same sequence, another seed a different one', () => {
  const a = new IdGenerator('7:acme');
  const b = new IdGenerator('7:acme');
  const c = new IdGenerator('8:acme');
  const seqA = [a.next(), a.next(), a.next()];
  expect([b.next(), b.next(), b.next()]).toEqual(seqA);
  expect([c.next(), c.next(), c.next()]).not.toEqual(seqA);
});

test('a generator restored from its state continues the sequence', () => {
  const a = new IdGenerator('3:globex');
  a.next();
  const restored = new IdGenerator(a.state);
  expect(restored.next()).toBe(a.next());
});

test('ids do not repeat within a long run', () => {
  const gen = new IdGenerator('dup');
  const seen = new Set<string>();
  for (let i = 0; i < 20_000; i++) seen.add(gen.next());
  expect(seen.size).toBe(20_000);
});

test('isMeteorId rejects look-alike characters and wrong lengths', () => {
  expect(isMeteorId('RJHY2yXiYTLebwFGS')).toBe(true);
  expect(isMeteorId('RJHY2yXiYTLebwFG0')).toBe(false);
  expect(isMeteorId('RJHY2yXiYTLebwFG')).toBe(false);
  expect(isMeteorId(42)).toBe(false);
});

test('stableId depends on the label only', () => {
  expect(stableId('crmkit-client')).toBe(stableId('crmkit-client'));
  expect(stableId('crmkit-client')).not.toBe(stableId('globex-client'));
});
