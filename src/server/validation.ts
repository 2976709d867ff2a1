import { type SchemaCompiler, toIssues, type ValidationIssue } from './ajv.js';
import type { OperationInfo, ParameterInfo, Schema } from './operations.js';

type ParamLocation = 'path' | 'query' | 'header';

/** Result of validating one group of parameters: coerced values plus any failures. */
export interface ParamResult {
  values: Record<string, unknown>;
  issues: ValidationIssue[];
}

/**
 * The validators of one operation. Each one (path, query and header parameters, each request media type, each
 * response status and media type) is compiled the first time it is needed and then reused, so start-up does not
 * pay for operations that are never called.
 */
export class OperationValidator {
  private readonly paramSchemas = new Map<ParamLocation, Schema | null>();
  private readonly commaSeparated: Set<string>;

  constructor(
    readonly operation: OperationInfo,
    private readonly compiler: SchemaCompiler,
  ) {
    this.commaSeparated = new Set(
      operation.parameters.filter((p) => p.in === 'query' && !p.explode && isArraySchema(p.schema)).map((p) => p.name),
    );
  }

  /**
   * Validates and coerces the declared parameters of one location. `raw` holds strings (or string arrays);
   * undeclared keys are left out of `values`. Header names are matched case-insensitively.
   */
  params(location: ParamLocation, raw: Record<string, unknown>): ParamResult {
    const schema = this.paramSchema(location);
    if (!schema) return { values: {}, issues: [] };
    const values: Record<string, unknown> = {};
    for (const name of Object.keys(schema.properties)) {
      const key = location === 'header' ? name.toLowerCase() : name;
      const v = raw[key];
      if (v === undefined) continue;
      values[name] = Array.isArray(v)
        ? [...v]
        : this.commaSeparated.has(name) && typeof v === 'string'
          ? v.split(',')
          : v;
    }
    const validate = this.compiler.validator(schema, true);
    return validate(values) ? { values, issues: [] } : { values, issues: toIssues(validate.errors, location) };
  }

  /**
   * The request-side compilations, one function each, so that the first real request compiles nothing: `first` the
   * parameters, JSON bodies and bodies of other declared types, `later` the coercing variants of the JSON body
   * schemas, which XML and form bodies without a schema of their own are validated with.
   */
  warmUpSteps(): { first: (() => void)[]; later: (() => void)[] } {
    const first: (() => void)[] = [];
    const later: (() => void)[] = [];
    for (const location of ['path', 'query', 'header'] as const) {
      const schema = this.paramSchema(location);
      if (schema) first.push(() => this.compiler.validator(schema, true));
    }
    for (const [type, schema] of Object.entries(this.operation.requestBody?.content ?? {})) {
      if (!schema) continue;
      if (!type.includes('json')) first.push(() => this.compiler.validator(schema, true));
      else {
        first.push(() => this.compiler.validator(schema, false));
        later.push(() => this.compiler.validator(schema, true));
      }
    }
    return { first, later };
  }

  /** Validates a request body against the schema of its media type; `coerce` for XML and form bodies. */
  body(schema: Schema, value: unknown, coerce: boolean): ValidationIssue[] {
    const validate = this.compiler.validator(schema, coerce);
    return validate(value) ? [] : toIssues(validate.errors, 'body');
  }

  /** Validates a response body against a declared schema. */
  response(schema: Schema, value: unknown): ValidationIssue[] {
    const validate = this.compiler.validator(schema, false);
    return validate(value) ? [] : toIssues(validate.errors, 'response');
  }

  private paramSchema(location: ParamLocation): Schema | null {
    let schema = this.paramSchemas.get(location);
    if (schema === undefined) {
      const params = this.operation.parameters.filter((p) => p.in === location);
      schema = params.length === 0 ? null : objectSchema(params);
      this.paramSchemas.set(location, schema);
    }
    return schema;
  }
}

function objectSchema(params: ParameterInfo[]): Schema {
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
}

function isArraySchema(schema: Schema): boolean {
  return schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'));
}
