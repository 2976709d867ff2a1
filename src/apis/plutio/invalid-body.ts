import type { ValidationIssue } from '../../server/ajv.js';
import type { RoutedRequest } from '../../server/types.js';
import { PlutioApiError, plutioBody } from './errors.js';
import { TOKEN_OPERATION } from './render-error.js';

/** Keywords that only say "one of the alternatives failed": the issues of the alternatives say more. */
const VAGUE = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'not']);

/**
 * The answer to a body that breaks the operation's input schema: 400 with a message naming the field
 * (`name.first must be a string.`, `_id is required.`). Two cases go on to the handler instead:
 * - the token call, whose form fields the domain checks with `oauth2-server`'s own errors;
 * - an `_id` that is a string but no Meteor id: the API looks it up like any other and answers 404.
 */
export function plutioInvalidBody(issues: ValidationIssue[], body: unknown, req: RoutedRequest): unknown {
  if (req.operation.operationId === TOKEN_OPERATION) return body ?? {};
  const real = issues.filter((i) => !(i.pointer === '/_id' && (i.keyword === 'pattern' || i.keyword === 'minLength')));
  const issue = real.find((i) => !VAGUE.has(i.keyword)) ?? real[0];
  if (!issue) return body;
  throw new PlutioApiError(plutioBody(400, issueMessage(issue, body, req)));
}

/** The sentence for one schema issue, naming the field by its dot path (`items[0].amount`). */
export function issueMessage(issue: ValidationIssue, body: unknown, req: RoutedRequest): string {
  const field = fieldName(issue.pointer);
  const p = issue.params;
  if (body === undefined) return addressesRecord(req) ? '_id is required.' : 'Request body must be a JSON object.';
  const prefix = field ? `${field}.` : '';
  if (issue.keyword === 'required') return `${prefix}${String(p.missingProperty)} is required.`;
  if (issue.keyword === 'additionalProperties') return `${prefix}${String(p.additionalProperty)} is not allowed.`;
  if (field === '')
    return issue.keyword === 'type' ? 'Request body must be a JSON object.' : 'Request body is invalid.';
  switch (issue.keyword) {
    case 'type':
      return `${field} must be ${article(String(p.type))}.`;
    case 'enum':
      return `${field} must be one of ${(p.allowedValues as unknown[]).map(String).join(', ')}.`;
    case 'format':
      return `${field} must be a valid ${String(p.format)}.`;
    case 'oneOf':
    case 'anyOf':
      return `${field} is invalid.`;
    default:
      return `${field} ${issue.message}.`;
  }
}

/** `/items/0/amount` → `items[0].amount`. */
export function fieldName(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(part) ? `[${part}]` : out === '' ? part : `.${part}`;
  }
  return out;
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    integer: 'an integer',
    boolean: 'a boolean',
    object: 'an object',
    array: 'an array',
    null: 'null',
  };
  return type
    .split(',')
    .map((t) => names[t] ?? t)
    .join(' or ');
}

/** Whether the operation addresses an existing record by `_id` (update, delete, move, copy). */
function addressesRecord(req: RoutedRequest): boolean {
  return req.method === 'PUT' || req.method === 'DELETE' || /\/(move|copy)$/.test(req.operation.path);
}
