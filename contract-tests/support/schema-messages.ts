import type { ErrorObject } from 'ajv';

/** How a body was written: decides between "property" and "element"/"attribute" in messages. */
export type BodyKind = 'json' | 'xml' | 'text';

const COMBINATORS = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'not', 'then', 'else']);

const show = (value: unknown): string => {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

const typeName = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

const where = (path: string): string => (path ? ` at ${path}` : '');

const memberWord = (kind: BodyKind, parentSchema: unknown, name: string): string => {
  if (kind !== 'xml') return 'property';
  // biome-ignore lint/suspicious/noExplicitAny: a JSON Schema object
  const prop = (parentSchema as any)?.properties?.[name];
  return prop?.xml?.attribute ? 'attribute' : 'element';
};

/** One readable sentence for one Ajv error (compiled with `verbose: true`, so `data` and `parentSchema` are set). */
export function describeSchemaError(error: ErrorObject, kind: BodyKind): string {
  const at = where(error.instancePath);
  const subject = error.instancePath ? `body ${error.instancePath}` : 'body';
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const name = String(p.missingProperty);
      return `body misses required ${memberWord(kind, error.parentSchema, name)} ${name}${at}`;
    }
    case 'additionalProperties':
      return `body has undocumented ${kind === 'xml' ? 'element' : 'property'} ${String(p.additionalProperty)}${at}`;
    case 'type':
      return `${subject} must be ${String(p.type)}, got ${typeName(error.data)} ${show(error.data)}`;
    case 'enum':
      return `${subject} must be one of ${(p.allowedValues as unknown[]).map(show).join(', ')}, got ${show(error.data)}`;
    case 'const':
      return `${subject} must be ${show(p.allowedValue)}, got ${show(error.data)}`;
    case 'format':
      return `${subject} must be a ${String(p.format)}, got ${show(error.data)}`;
    default:
      return `${subject} ${error.message ?? error.keyword}`;
  }
}

/**
 * The most telling error first: combinator errors ("must match exactly one schema") say less than the errors
 * of the branches, so concrete keyword errors are preferred, and a branch that failed only because the value has
 * another type (the object branch of `oneOf: [array, object]` for an array) is left out when another branch says
 * more. Returns one sentence per error, best first.
 */
export function describeSchemaErrors(errors: ErrorObject[], kind: BodyKind): string[] {
  const choices = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const otherBranch = (e: ErrorObject) =>
    e.keyword === 'type' &&
    choices.some((c) => c.instancePath === e.instancePath && e.schemaPath.startsWith(`${c.schemaPath}/`));
  const concrete = errors.filter((e) => !COMBINATORS.has(e.keyword));
  const telling = concrete.filter((e) => !otherBranch(e));
  const ordered = telling.length > 0 ? telling : [...concrete, ...errors.filter((e) => COMBINATORS.has(e.keyword))];
  return [...new Set(ordered.map((e) => describeSchemaError(e, kind)))];
}
