import { SchemaCompiler } from '../../server/ajv.js';
import type { OpenApiDocument } from '../../spec/load.js';
import { describeFailure } from '../../store/record-check.js';
import { isPlainObject } from './domain/json.js';
import { resourceOperations } from './operations.js';

/** Operations whose 200 answer is one stored record, most telling first. */
const RECORD_ANSWERS = ['create', 'update', 'delete', 'move', 'copy', 'read'] as const;

/**
 * The document schema of each collection's stored records: Plutio stores records in the API's own shape, so a record
 * is what the collection's operations answer (`Person` for `people`, `TrashEntry` for `trash-bin`): the 200 schema
 * of its create, update or delete operation, or the single-record form of its read.
 */
export function recordSchemaRefs(document: OpenApiDocument): Map<string, string> {
  const out = new Map<string, string>();
  const ops = resourceOperations(document);
  for (const op of RECORD_ANSWERS) {
    for (const entry of ops) {
      if (entry.op !== op || out.has(entry.collection)) continue;
      const [path, method] = findOperation(document, entry.operationId);
      const schema = document.paths[path][method].responses?.['200']?.content?.['application/json']?.schema;
      const ref = typeof schema?.$ref === 'string' ? schema.$ref : findRecordRef(schema?.oneOf);
      if (ref) out.set(entry.collection, ref);
    }
  }
  return out;
}

function findOperation(document: OpenApiDocument, operationId: string): [string, string] {
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, op] of Object.entries(item as Record<string, { operationId?: string }>)) {
      if (op?.operationId === operationId) return [path, method];
    }
  }
  throw new Error(`plutio: no operation ${operationId}`);
}

function findRecordRef(oneOf: unknown): string | undefined {
  if (!Array.isArray(oneOf)) return undefined;
  const single = oneOf.find((s) => typeof s?.$ref === 'string');
  return single?.$ref;
}

/**
 * Builds the check of a Plutio state snapshot's records against the document: every record of every workspace's
 * collections must match the schema of what the API answers for that collection (`recordSchemaRefs`), so a state
 * that loads is one every read and write can serve. The domain checks the rest of the snapshot (version, businesses,
 * id generator, counters).
 * @returns a function throwing an Error that names the workspace, the collection, the record (index and `_id`) and
 * the field of the first record that does not fit.
 */
export function plutioStateCheck(document: OpenApiDocument): (snapshot: unknown) => void {
  const refs = recordSchemaRefs(document);
  const compiler = new SchemaCompiler(document.components);
  return (snapshot) => {
    if (!isPlainObject(snapshot) || !isPlainObject(snapshot.workspaces)) return;
    for (const [business, workspace] of Object.entries(snapshot.workspaces)) {
      if (!isPlainObject(workspace) || !isPlainObject(workspace.collections)) continue;
      for (const [collection, records] of Object.entries(workspace.collections)) {
        const ref = refs.get(collection);
        if (!ref || !Array.isArray(records)) continue;
        const validate = compiler.validator({ $ref: ref }, false);
        records.forEach((record: unknown, index) => {
          if (validate(record)) return;
          const _id = isPlainObject(record) ? (record as { _id?: unknown })._id : undefined;
          const id = typeof _id === 'string' ? ` (_id ${_id})` : '';
          throw new Error(
            `workspace "${business}", collection "${collection}", record ${index}${id}: ${describeFailure(validate.errors)}`,
          );
        });
      }
    }
  };
}
