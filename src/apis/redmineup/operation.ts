/**
 * Handler, context and result types of the RedmineUP operations (`src/generated/redmineup.ts`). Request bodies are
 * loose: the family's `onInvalidBody` lets bodies with missing or over-long attributes through, and the handlers
 * answer those with 422 themselves.
 */
import type { operations } from '../../generated/redmineup.js';
import type { RedminePrincipal } from '../../redmine-family/index.js';
import type {
  LooseBody,
  OperationContext,
  OperationHandler,
  OperationResult,
  RequestBodyOf,
  TypedHandlerMap,
} from '../../server/typed-handlers.js';
import type { RedmineUpState } from './state.js';

export type { operations as RedmineUpOperations } from '../../generated/redmineup.js';

/** An operationId of `openapi/redmineup`. */
export type UpOperationId = keyof operations;

/** The request body of operation `K` as its handler sees it. */
export type UpBody<K extends UpOperationId> = LooseBody<RequestBodyOf<operations[K]>>;

/** What the handler of operation `K` gets. */
export type UpContext<K extends UpOperationId> = OperationContext<
  operations[K],
  RedmineUpState,
  RedminePrincipal,
  UpBody<K>
>;

/** What the handler of operation `K` may return. */
export type UpResult<K extends UpOperationId> = OperationResult<operations[K]>;

/** The handler of operation `K`. */
export type UpHandler<K extends UpOperationId> = OperationHandler<
  operations[K],
  RedmineUpState,
  RedminePrincipal,
  UpBody<K>
>;

/** One typed handler per operation of `openapi/redmineup`. */
export type UpTypedHandlers = TypedHandlerMap<operations, RedmineUpState, RedminePrincipal, true>;
