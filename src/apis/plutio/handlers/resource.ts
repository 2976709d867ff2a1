import type { HandlerContext } from '../../../server/types.js';
import type { CollectionName, Operation, PlutioDomain, RESOURCES } from '../domain/index.js';
import { schemaTyped } from '../domain/records.js';
import { toApiError } from '../errors.js';
import type { PlutioPrincipal } from '../gate.js';

/** Context of a Plutio resource handler: the domain as state, the caller's app and workspace as principal. */
export type PlutioContext = HandlerContext<PlutioDomain, PlutioPrincipal>;

/** Operations the v1.8 index offers on collection `C`. */
export type OperationOf<C extends CollectionName> = Extract<(typeof RESOURCES)[number], { name: C }>['ops'][number];

/** Collections on which the v1.8 index offers operation `O`. */
export type CollectionWith<O extends Operation> = {
  [C in CollectionName]: O extends OperationOf<C> ? C : never;
}[CollectionName];

/**
 * The handler of one index operation on one collection, and that operation. Every success is 200 with the record
 * (or the list) in the collection's schema type; domain errors become the API's error answers (400, 403, 404).
 */
export type ResourceHandler<C extends CollectionName, O extends Operation, Body> = ((ctx: PlutioContext) => {
  status: 200;
  body: Body;
}) & { readonly collection: C; readonly op: O };

function handler<C extends CollectionName, O extends Operation, Body>(
  collection: C,
  op: O,
  run: (ctx: PlutioContext) => Body,
): ResourceHandler<C, O, Body> {
  const answer = (ctx: PlutioContext) => {
    try {
      return { status: 200 as const, body: run(ctx) };
    } catch (err) {
      throw toApiError(err);
    }
  };
  return Object.assign(answer, { collection, op });
}

/**
 * `GET /<collection>`: the raw query (every `key=value` pair is a filter, `q`, `skip`, `limit`; `_id` gives one
 * object or 404), answered with the stored records read-only (the pipeline only serialises them, so nothing is
 * copied). The trash bin's read is this operation on the `trash-bin` collection.
 */
export function read<C extends CollectionWith<'read'>>(collection: C) {
  return handler(collection, 'read', (ctx) =>
    schemaTyped(collection, ctx.principal.workspace.readShared(collection, ctx.rawQuery)),
  );
}

/** `POST /<collection>`: the JSON body as the new record. */
export function create<C extends CollectionWith<'create'>>(collection: C) {
  return handler(collection, 'create', (ctx) =>
    schemaTyped(collection, ctx.principal.workspace.create(collection, ctx.body, ctx.principal.app)),
  );
}

/** `PUT /<collection>`: the JSON body with the `_id` of the record and the fields to change. */
export function update<C extends CollectionWith<'update'>>(collection: C) {
  return handler(collection, 'update', (ctx) =>
    schemaTyped(collection, ctx.principal.workspace.update(collection, ctx.body, ctx.principal.app)),
  );
}

/** `DELETE /<collection>`: the JSON body `{_id}`. The trash bin's delete purges an entry for good. */
export function remove<C extends CollectionWith<'delete'>>(collection: C) {
  return handler(collection, 'delete', (ctx) =>
    schemaTyped(collection, ctx.principal.workspace.remove(collection, ctx.body, ctx.principal.app)),
  );
}

/** `POST /<collection>/move`: the JSON body with the `_id` of the record and where it goes. */
export function move<C extends CollectionWith<'move'>>(collection: C) {
  return handler(collection, 'move', (ctx) =>
    schemaTyped(collection, ctx.principal.workspace.move(collection, ctx.body, ctx.principal.app)),
  );
}

/** `POST /<collection>/copy`: the JSON body with the `_id` of the record to copy. */
export function copy<C extends CollectionWith<'copy'>>(collection: C) {
  return handler(collection, 'copy', (ctx) =>
    schemaTyped(collection, ctx.principal.workspace.copy(collection, ctx.body, ctx.principal.app)),
  );
}
