import type { Handler, HandlerContext, HandlerMap } from './types.js';

/**
 * Handler types derived from an openapi-typescript `operations` interface (`src/generated/<api>.ts`), so that the
 * compiler checks the join document → handler: a handler of operation `Op` gets that operation's path, query and
 * body types and must return one of its documented responses with that response's JSON body. Renaming or retyping
 * a field in the document, then `npm run generate`, fails `npm run typecheck` where a handler builds or reads it.
 *
 * The engine still runs untyped maps (`HandlerMap`): the pipeline validates and coerces parameters and bodies
 * against the same document before a handler runs, which is what makes the narrower context types true.
 */

/** An empty parameter group: the operation declares none of this kind. */
type NoParams = Record<string, never>;

/** The group `Where` (`path`, `query`, `header`) of an operation's parameters; `NoParams` when it has none. */
export type ParamsOf<Op, Where extends string> = Op extends { parameters: infer P }
  ? Where extends keyof P
    ? [NonNullable<P[Where]>] extends [never]
      ? NoParams
      : NonNullable<P[Where]>
    : NoParams
  : NoParams;

/** The `application/json` schema of a request body or response object (else its first media type); `undefined` without content. */
export type ContentOf<T> = T extends { content: infer C }
  ? 'application/json' extends keyof C
    ? C['application/json']
    : C[keyof C]
  : undefined;

/** The JSON request body of an operation; `undefined` when it takes none. */
export type RequestBodyOf<Op> = Op extends { requestBody?: infer B }
  ? [NonNullable<B>] extends [never]
    ? undefined
    : ContentOf<NonNullable<B>>
  : undefined;

/** Documented responses of an operation. */
type ResponsesOf<Op> = Op extends { responses: infer R } ? R : never;

/** One documented response as a handler result: its status and the JSON body of that status. */
type ResultFor<Status extends number, Response> =
  ContentOf<Response> extends undefined
    ? { status: Status; body?: undefined; headers?: Record<string, string>; xmlBody?: undefined }
    : {
        status: Status;
        body: ContentOf<Response>;
        headers?: Record<string, string>;
        /** What is rendered when the request asked for XML: the same object, or its XML form (`XmlBodyOf`). */
        xmlBody?: ContentOf<Response> | XmlBodyOf<Response>;
      };

/**
 * The XML form of a response in the JSON envelope `xmlBody` takes: the operation's XML schema under the JSON
 * resource key when the XML root is that resource (`{contact: ContactXml}` for `{contact: Contact}`), the XML schema
 * itself when it has the JSON keys (a list whose meta are root attributes), the JSON body without an XML form.
 */
export type XmlBodyOf<Response> = Response extends { content: infer C }
  ? 'application/xml' extends keyof C
    ? 'application/json' extends keyof C
      ? keyof C['application/json'] extends keyof C['application/xml']
        ? C['application/xml']
        : { [K in keyof C['application/json']]: C['application/xml'] }
      : C['application/xml']
    : ContentOf<Response>
  : undefined;

/** What a handler of `Op` may return: any documented response whose status is a number, with its body type. */
export type OperationResult<Op> = {
  [S in Extract<keyof ResponsesOf<Op>, number>]: ResultFor<S, ResponsesOf<Op>[S]>;
}[Extract<keyof ResponsesOf<Op>, number>];

/**
 * What a handler of `Op` gets: the engine's context with `params`, `query` and `body` typed by the operation.
 * `Body` is the operation's JSON body by default; an API whose `onInvalidBody` lets a body with missing or
 * over-long attributes through (to answer them itself, e.g. with a 422 listing every problem) passes a looser type.
 */
export type OperationContext<Op, State, Principal, Body = RequestBodyOf<Op>> = Omit<
  HandlerContext<State, Principal>,
  'params' | 'query' | 'body'
> & {
  params: ParamsOf<Op, 'path'>;
  query: ParamsOf<Op, 'query'>;
  body: Body;
};

/**
 * A handler of one operation. `Op` is invariant (`in out`): the variance the compiler measures through the
 * conditional types above would take a handler of another operation whose types are only one-way compatible
 * (e.g. a response field renamed into an optional one), where the shared core paths of two documents diverge.
 */
export type OperationHandler<in out Op, State, Principal, Body = RequestBodyOf<Op>> = (
  ctx: OperationContext<Op, State, Principal, Body>,
) => OperationResult<Op> | Promise<OperationResult<Op>>;

/**
 * One handler per operationId of `Ops`, each typed by its operation; a missing key is a compile error. `BodyOf`
 * maps an operation's JSON body to what its handler sees (identity by default). `Ops` is invariant, as `Op` is.
 */
export type TypedHandlerMap<in out Ops, State, Principal, Loose extends boolean = false> = {
  [K in keyof Ops]: OperationHandler<
    Ops[K],
    State,
    Principal,
    Loose extends true ? LooseBody<RequestBodyOf<Ops[K]>> : RequestBodyOf<Ops[K]>
  >;
};

/**
 * A request body as an API that checks attributes itself sees it: every property optional, all the way down,
 * and `undefined` possible (the body was empty or unparseable and the API repaired its envelope).
 */
export type LooseBody<T> = T extends readonly (infer E)[]
  ? LooseBody<E>[]
  : T extends object
    ? { [K in keyof T]?: LooseBody<T[K]> }
    : T;

/** Keys of `M` that are no operation of `Ops`: each must be `never`, so an extra handler is a compile error. */
export type NoExtraHandlers<Ops, M> = { [K in Exclude<keyof M, keyof Ops>]: never };

/**
 * Checks a handler map against `Ops` at compile time and returns it as the engine's runtime map: every operation
 * needs its typed handler and no other key is allowed. Use as `typedHandlers<operations, State, Principal>()({…})`.
 * Each handler is widened to the engine's `Handler`, which is sound because the pipeline routes a request only to
 * the handler of its own operationId, after validating its parameters and body against that operation.
 */
export function typedHandlers<Ops, State, Principal, Loose extends boolean = false>() {
  return <M extends TypedHandlerMap<Ops, State, Principal, Loose>>(
    map: M & NoExtraHandlers<Ops, M>,
  ): HandlerMap<State, Principal> => map as unknown as HandlerMap<State, Principal>;
}

/** The widening of one typed handler, for maps built entry by entry. */
export function runtimeHandler<State, Principal>(handler: unknown): Handler<State, Principal> {
  return handler as Handler<State, Principal>;
}
