import type {
  LooseBody,
  OperationContext,
  OperationHandler,
  RequestBodyOf,
  TypedHandlerMap,
} from '../server/typed-handlers.js';
import type { RedminePrincipal } from './principal.js';
import type { RedmineFamilyState } from './state.js';

/**
 * What a Redmine-family handler of operation `Op` (of a generated `operations` interface) gets: path and query
 * parameters typed by the operation, and its request body loose, since `redmineInvalidBody` lets missing
 * attributes through and the handler answers 422 itself.
 */
export type FamilyOperationContext<Op, S extends RedmineFamilyState = RedmineFamilyState> = OperationContext<
  Op,
  S,
  RedminePrincipal,
  LooseBody<RequestBodyOf<Op>>
>;

/** A Redmine-family handler of operation `Op`: typed context, and one of the operation's documented results. */
export type FamilyOperationHandler<Op, S extends RedmineFamilyState = RedmineFamilyState> = OperationHandler<
  Op,
  S,
  RedminePrincipal,
  LooseBody<RequestBodyOf<Op>>
>;

/**
 * One typed handler per operation of `Ops`. `typedHandlers<Ops, S, RedminePrincipal, true>()` checks such a map and
 * widens it to the `FamilyHandlers` the module builder runs.
 */
export type FamilyTypedHandlers<Ops, S extends RedmineFamilyState = RedmineFamilyState> = TypedHandlerMap<
  Ops,
  S,
  RedminePrincipal,
  true
>;
