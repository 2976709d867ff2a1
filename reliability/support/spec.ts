import { type CheckContext, checkResponse } from '../../contract-tests/support/check-response.js';
import { createSchemaValidator } from '../../contract-tests/support/schema-validator.js';
import { type ApiSpec, loadApiSpec } from '../../contract-tests/support/spec-model.js';
import type { ContractResponse, Format } from '../../contract-tests/support/types.js';
import { binderXmlCodec } from '../../contract-tests/support/xml-codec.js';
import type { ApiId, OperationEntry } from '../../src/spec/load.js';

/** A bundled document with the contract engine's response checker for it. */
export interface SpecKit {
  spec: ApiSpec;
  check: CheckContext;
}

const kits = new Map<ApiId, SpecKit>();

/** Loads `dist/openapi/<api>.json` once per process and prepares the checker. */
export function specKit(api: ApiId): SpecKit {
  let kit = kits.get(api);
  if (!kit) {
    const spec = loadApiSpec(api);
    kit = { spec, check: { validator: createSchemaValidator(spec.raw), xml: binderXmlCodec } };
    kits.set(api, kit);
  }
  return kit;
}

/** The contract engine's verdict on one answer of an operation: the differences from the spec (empty when none). */
export function specDifferences(kit: SpecKit, op: OperationEntry, format: Format | undefined, res: ContractResponse) {
  const label = `${op.method} ${format ? op.path.replace('{format}', format) : op.path}`;
  return checkResponse(kit.check, op, label, format, res).differences;
}
