import type { JsonObject } from '../json.js';
import type { SeedContext } from './context.js';

/** Adds a block with text (in `main` for intro blocks, no `hasText` on wiki-page blocks) and returns it. */
export function seedBlock(
  ctx: SeedContext,
  entityType: string,
  entityId: unknown,
  type: string,
  position: number,
  text = '',
): JsonObject {
  const body: JsonObject = { textHTML: text ? `<p>${text}</p>` : '', textPlain: text };
  if (entityType !== 'wiki-page') body.hasText = text !== '';
  const fields: JsonObject = { entityType, entityId, type, position };
  if (type === 'intro') fields.main = body;
  else if (type === 'signature') fields.signatures = [];
  else Object.assign(fields, body);
  return ctx.add('blocks', fields);
}

/** Adds blocks of the given types to a record and returns their ids in order. */
export function seedBlocks(
  ctx: SeedContext,
  entityType: string,
  entityId: unknown,
  types: Array<[string, string?]>,
): string[] {
  return types.map(([type, text], i) => seedBlock(ctx, entityType, entityId, type, i, text)._id as string);
}
