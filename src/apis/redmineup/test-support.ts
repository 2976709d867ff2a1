import { XMLParser } from 'fast-xml-parser';
import { startTestServer, type TestServer } from '../../app/test-server.js';
import { bindXml, parseXmlDocument } from '../../formats/xml.js';
import type { Project } from '../../redmine-family/index.js';
import { type CallOptions, type CallResult, familyClient } from '../../redmine-family/test-client.js';
import { SchemaCompiler, toIssues, type ValidationIssue } from '../../server/ajv.js';
import { dereference, loadBundledSpec } from '../../spec/load.js';
import { createRedmineUpModule } from './index.js';
import type { RedmineUpState } from './state.js';

export { basic } from '../../redmine-family/test-client.js';

/** A reference server serving only `redmineup` (response validation on) with a handle on its state. */
export interface UpTestServer {
  ts: TestServer;
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>;
  state: RedmineUpState;
  projects: SeededProjects;
}

/** The family seed's projects by their role in the seed layout. */
export interface SeededProjects {
  /** Public; jsmith is Manager. */
  publicMine: Project;
  /** Public; jsmith is not a member. */
  publicOther: Project;
  /** Private; jsmith is Developer. */
  privateMine: Project;
  /** Private; jsmith is not a member. */
  privateOther: Project;
  /** Public subproject of `publicMine`; jsmith is not a member. */
  sub: Project;
  /** Closed public project. */
  closed: Project;
}

/** Starts a redmineup-only test server on 127.0.0.1, port 0. */
export async function startRedmineUp(seed = 1): Promise<UpTestServer> {
  const module = createRedmineUpModule({ seed, basePath: '/redmineup' });
  const ts = await startTestServer({ modules: [module] });
  const state = module.state;
  const jsmith = state.users.find((u) => u.login === 'jsmith');
  const member = (p: Project) => !!state.memberships.find((m) => m.project_id === p.id && m.user_id === jsmith?.id);
  const pick = (test: (p: Project) => boolean) => {
    const found = state.projects.find(test);
    if (!found) throw new Error('seed layout changed');
    return found;
  };
  const projects: SeededProjects = {
    publicMine: pick((p) => p.is_public && p.status === 1 && p.parent_id === null && member(p)),
    publicOther: pick((p) => p.is_public && p.status === 1 && p.parent_id === null && !member(p)),
    privateMine: pick((p) => !p.is_public && member(p)),
    privateOther: pick((p) => !p.is_public && !member(p)),
    sub: pick((p) => p.parent_id !== null),
    closed: pick((p) => p.status === 5),
  };
  return { ts, call: familyClient(ts.api('redmineup')), state, projects };
}

const ARRAY_ELEMENTS =
  /(contacts\.contact|deals\.deal|notes\.note|phones\.phone|emails\.email|projects\.project|custom_fields\.custom_field|errors\.error|tags\.tag|deal_statuses\.deal_status|issues\.issue|related_contacts\.contact)$/;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (_name, path) => typeof path === 'string' && ARRAY_ELEMENTS.test(path),
});

/** Parses an XML response body (attributes as `@name`, repeated elements as arrays, text kept as strings). */
// biome-ignore lint/suspicious/noExplicitAny: parsed XML of any shape.
export function parseXml(text: string): any {
  return parser.parse(text);
}

const doc = dereference(loadBundledSpec('redmineup'));
const compiler = new SchemaCompiler(doc.components);

/**
 * Checks an XML response body against the XML schema the document declares for it (bound and validated the way
 * request bodies are), for responses the module renders itself (contacts). Returns the problems found.
 */
export function xmlIssues(path: string, method: string, status: number, text: string): ValidationIssue[] {
  const schema = doc.paths[path]?.[method]?.responses?.[String(status)]?.content?.['application/xml']?.schema;
  if (!schema) throw new Error(`no XML schema for ${method} ${path} ${status}`);
  const value = bindXml(parseXmlDocument(text), schema);
  const validate = compiler.validator(schema, false);
  return validate(value) ? [] : toIssues(validate.errors, 'response');
}

/** Headers of an XML request body. */
export const XML = { 'content-type': 'application/xml' };

/** Headers of a form request body. */
export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** The id of a seeded custom field by name. */
export function fieldId(state: RedmineUpState, name: string): number {
  const field = state.customFields.find((f) => f.name === name);
  if (!field) throw new Error(`no custom field "${name}"`);
  return field.id;
}

/** A JSON value's record (for `toMatchObject` on parsed bodies). */
export type Json = Record<string, unknown>;

/** The id at the end of a `Location` header (`…/contacts/41` → 41). */
export function locationId(res: CallResult): number {
  return Number(/\/(\d+)$/.exec(res.headers.get('location') ?? '')?.[1]);
}
