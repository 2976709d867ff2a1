import type { Handler, HandlerContext, HandlerResult } from '../../../server/types.js';
import type { JsonObject, PlutioDomain } from '../domain/index.js';
import { toApiError } from '../errors.js';
import type { PlutioPrincipal } from '../gate.js';
import type { ResourceOperation } from '../operations.js';

/** Context of a Plutio resource handler: the domain as state, the caller's app and workspace as principal. */
export type PlutioContext = HandlerContext<PlutioDomain, PlutioPrincipal>;

type Run = (ctx: PlutioContext, collection: string) => Readonly<JsonObject> | ReadonlyArray<Readonly<JsonObject>>;

/**
 * What each index operation does on the caller's workspace. Reads take the raw query (every `key=value` pair is a
 * filter, `q`, `skip`, `limit`; `_id` gives one object or 404) and answer the stored records read-only (the
 * pipeline only serialises them, so nothing is copied); writes take the JSON body with `_id` where the record is
 * addressed. The trash bin's read and delete are the same operations on the `trash-bin` collection.
 */
const RUN: Readonly<Record<ResourceOperation['op'], Run>> = {
  read: (ctx, c) => ctx.principal.workspace.readShared(c, ctx.rawQuery),
  create: (ctx, c) => ctx.principal.workspace.create(c, ctx.body, ctx.principal.app),
  update: (ctx, c) => ctx.principal.workspace.update(c, ctx.body, ctx.principal.app),
  delete: (ctx, c) => ctx.principal.workspace.remove(c, ctx.body, ctx.principal.app),
  move: (ctx, c) => ctx.principal.workspace.move(c, ctx.body, ctx.principal.app),
  copy: (ctx, c) => ctx.principal.workspace.copy(c, ctx.body, ctx.principal.app),
};

/**
 * The handler of one resource operation. Every success is 200 with the record (or list) as JSON; domain errors
 * become the API's error answers (400, 403, 404).
 */
export function resourceHandler({ collection, op }: ResourceOperation): Handler<PlutioDomain, PlutioPrincipal> {
  const run = RUN[op];
  return (ctx): HandlerResult => {
    try {
      return { status: 200, body: run(ctx, collection) };
    } catch (err) {
      throw toApiError(err);
    }
  };
}
