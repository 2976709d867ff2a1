import type { operations } from '../../../generated/plutio.js';
import { typedHandlers } from '../../../server/typed-handlers.js';
import type { HandlerMap } from '../../../server/types.js';
import type { OpenApiDocument } from '../../../spec/load.js';
import type { PlutioDomain } from '../domain/index.js';
import type { PlutioGate, PlutioPrincipal } from '../gate.js';
import { RESOURCE_OPERATIONS, resourceOperations } from '../operations.js';
import { TOKEN_OPERATION } from '../render-error.js';
import { tokenHandler } from './token.js';

/**
 * The handler of every operation of the Plutio document: the token call and the 146 resource operations of
 * `RESOURCE_OPERATIONS`, each typed by its generated operation.
 * @throws Error when the document has an operation the table has not, or has differently (see `resourceOperations`).
 */
export function plutioHandlers(document: OpenApiDocument, gate: PlutioGate): HandlerMap<PlutioDomain, PlutioPrincipal> {
  resourceOperations(document);
  return typedHandlers<operations, PlutioDomain, PlutioPrincipal>()({
    [TOKEN_OPERATION]: tokenHandler(gate),
    ...RESOURCE_OPERATIONS,
  });
}
