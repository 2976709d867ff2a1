/**
 * Type transforms over openapi-typescript `paths`, used to type the clients honestly: a parameter the client fills
 * in itself becomes optional (and its location too once nothing in it stays required), and the Redmine-family
 * operations keep only their `application/json` bodies.
 */

/** The operation keys of an openapi-typescript path item. */
type Method = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** Flattens an intersection so editors show one object type. */
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** Keys of `T` that must be present. */
type RequiredKeys<T> = { [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? never : K }[keyof T];

/** `T` with `Key` optional, typed `Value` (the one value the client sends). */
type WithOptional<T, Key extends PropertyKey, Value> = Simplify<Omit<T, Key> & { [P in Key & keyof T]?: Value }>;

/**
 * The `parameters` of an operation with `Key` of location `Where` made optional. When no other key of that location
 * is required, the location becomes optional as well, so `params` can be left out entirely.
 */
type LoosenParams<Params, Where extends 'path' | 'header', Key extends string, Value> = Params extends {
  [W in Where]: infer Group;
}
  ? Key extends keyof Group
    ? RequiredKeys<Omit<Group, Key>> extends never
      ? Simplify<Omit<Params, Where> & { [W in Where]?: WithOptional<Group, Key, Value> }>
      : Simplify<Omit<Params, Where> & { [W in Where]: WithOptional<Group, Key, Value> }>
    : Params
  : Params;

/** An operation's parameters loosened by {@link LoosenParams}. */
type LoosenOperation<Op, Where extends 'path' | 'header', Key extends string, Value> = {
  [K in keyof Op]: K extends 'parameters' ? LoosenParams<Op[K], Where, Key, Value> : Op[K];
};

/**
 * `paths` where the parameter `Key` in `Where` (`path` or `header`) is optional and typed `Value` in every operation,
 * because the client supplies it: the Redmine `{format}` suffix (always `json`), Plutio's `Business` header.
 */
export type WithDefaultParam<Paths, Where extends 'path' | 'header', Key extends string, Value> = {
  [P in keyof Paths]: {
    [M in keyof Paths[P]]: M extends Method
      ? Paths[P][M] extends object
        ? LoosenOperation<Paths[P][M], Where, Key, Value>
        : Paths[P][M]
      : Paths[P][M];
  };
};

/** A media-type map cut down to `application/json` when it has that entry. */
type JsonContent<C> = 'application/json' extends keyof C ? Pick<C, 'application/json'> : C;

/** A request body or response object with only its JSON content. */
type JsonBody<B> = B extends { content: infer C } ? Simplify<Omit<B, 'content'> & { content: JsonContent<C> }> : B;

/** An operation with JSON-only request and response bodies. */
type JsonOperation<Op> = {
  [K in keyof Op]: K extends 'requestBody'
    ? JsonBody<Op[K]>
    : K extends 'responses'
      ? { [S in keyof Op[K]]: JsonBody<Op[K][S]> }
      : Op[K];
};

/** `paths` with every operation's request and response bodies reduced to their `application/json` form. */
export type JsonOnly<Paths> = {
  [P in keyof Paths]: {
    [M in keyof Paths[P]]: M extends Method
      ? Paths[P][M] extends object
        ? JsonOperation<Paths[P][M]>
        : Paths[P][M]
      : Paths[P][M];
  };
};
