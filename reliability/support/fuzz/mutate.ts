import fc from 'fast-check';
import { POLLUTING_KEYS } from './hostile-values.js';

/** One change to a JSON value: drop, replace or add a member, or plant a prototype-polluting key. */
export interface Mutation {
  /** Picks the target container (modulo the number of containers). */
  at: number;
  action: 'delete' | 'replace' | 'add' | 'pollute' | 'wrap';
  key: string;
  value: unknown;
}

/** Zero to three mutations, none in about half of the cases. */
export const mutations: fc.Arbitrary<Mutation[]> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Mutation[]>([]) },
  {
    weight: 2,
    arbitrary: fc.array(
      fc.record({
        at: fc.nat(),
        action: fc.constantFrom('delete', 'replace', 'add', 'pollute', 'wrap'),
        key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...POLLUTING_KEYS)),
        value: fc.jsonValue({ maxDepth: 2 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  },
);

type Container = Record<string, unknown> | unknown[];

/**
 * Applies mutations to a copy of a JSON value. `pollute` adds a `__proto__` / `constructor` / `prototype` member as
 * an own property (as JSON.parse would make it), holding `{"polluted": "yes"}`.
 */
export function applyMutations(value: unknown, list: readonly Mutation[]): unknown {
  let root = structuredClone(value);
  for (const m of list) {
    const containers: Container[] = [];
    collect(root, containers, 0);
    const target = containers[m.at % Math.max(containers.length, 1)];
    if (!target) {
      if (m.action === 'wrap' || m.action === 'replace') root = m.value;
      continue;
    }
    const keys = Array.isArray(target) ? target.map((_, i) => i) : Object.keys(target);
    const key = keys.length > 0 ? keys[m.at % keys.length] : undefined;
    mutateOne(target, key, m);
  }
  return root;
}

function mutateOne(target: Container, key: string | number | undefined, m: Mutation): void {
  const rec = target as Record<string | number, unknown>;
  switch (m.action) {
    case 'delete':
      if (key === undefined) return;
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete rec[key];
      return;
    case 'replace':
      if (key !== undefined) rec[key] = m.value;
      return;
    case 'wrap':
      if (key !== undefined) rec[key] = [rec[key], m.value];
      return;
    case 'add':
      if (Array.isArray(target)) target.push(m.value);
      else
        Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      return;
    case 'pollute': {
      const name = POLLUTING_KEYS[m.at % POLLUTING_KEYS.length] as string;
      const payload = name === 'constructor' ? { prototype: { polluted: 'yes' } } : { polluted: 'yes' };
      if (Array.isArray(target)) target.push(ownObject(name, payload));
      else
        Object.defineProperty(target, name, { value: payload, enumerable: true, writable: true, configurable: true });
      return;
    }
  }
}

/** An object with one own property, even for `__proto__`. */
export function ownObject(name: string, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

function collect(node: unknown, out: Container[], depth: number): void {
  if (node === null || typeof node !== 'object' || depth > 8) return;
  out.push(node as Container);
  for (const v of Object.values(node)) collect(v, out, depth + 1);
}
