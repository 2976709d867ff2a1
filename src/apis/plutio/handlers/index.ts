import type { HandlerMap } from '../../../server/types.js';
import type { OpenApiDocument } from '../../../spec/load.js';
import type { PlutioDomain } from '../domain/index.js';
import type { PlutioGate, PlutioPrincipal } from '../gate.js';
import { resourceOperations } from '../operations.js';
import { TOKEN_OPERATION } from '../render-error.js';
import { resourceHandler } from './resource.js';
import { tokenHandler } from './token.js';

/** The handler of every operation of the Plutio document: the token call and the 146 resource operations. */
export function plutioHandlers(document: OpenApiDocument, gate: PlutioGate): HandlerMap<PlutioDomain, PlutioPrincipal> {
  const handlers: HandlerMap<PlutioDomain, PlutioPrincipal> = {
    [TOKEN_OPERATION]: tokenHandler(gate),
  };
  for (const entry of resourceOperations(document)) handlers[entry.operationId] = resourceHandler(entry);
  return handlers;
}
