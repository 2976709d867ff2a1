import type { ValidationIssue } from './ajv.js';
import { coerceFormValues } from './coerce-form.js';
import type { DecodedBody } from './decode-body.js';
import { ApiError } from './errors.js';
import type { AnyApiModule, RoutedRequest } from './types.js';
import type { OperationValidator } from './validation.js';

/**
 * Validates a decoded body against its schema (XML and form values with coercion, after Rails' form conventions)
 * and returns the body the handler gets. A missing required body, a wrong XML root or a schema violation goes to
 * the module's `onInvalidBody`, which may repair the body or throw; without that hook it is a BAD_REQUEST.
 */
export function settleBody(
  decoded: DecodedBody,
  validator: OperationValidator,
  module: AnyApiModule,
  req: RoutedRequest,
): unknown {
  const body = decoded.value;
  const issues: ValidationIssue[] = [...decoded.issues];
  if (body === undefined) {
    if (validator.operation.requestBody?.required) {
      issues.push({
        location: 'body',
        pointer: '',
        keyword: 'required',
        message: 'request body is required',
        params: {},
      });
    }
  } else if (decoded.schema) {
    if (decoded.coerce) coerceFormValues(decoded.schema, body);
    // A loop, not push(...): a body with hundreds of thousands of bad items would overflow the call stack.
    for (const issue of validator.body(decoded.schema, body, decoded.coerce)) issues.push(issue);
  }
  if (issues.length === 0) return body;
  if (!module.onInvalidBody) {
    throw new ApiError('BAD_REQUEST', 'request body does not match the specification', { details: issues });
  }
  return module.onInvalidBody(issues, body, req);
}
