import { addGenericChildren, bindXmlGeneric, hasDataAttrs, isMarkerAttr, UNSAFE_KEYS } from './xml-generic.js';
import { type ArrayPlan, type ObjectPlan, planFor, type ScalarPlan, type UnionPlan, type XmlPlan } from './xml-plan.js';
import type { XmlElement } from './xml-tree.js';

/** The document does not fit the schema in a way binding cannot paper over (wrong root element). */
export class XmlBindError extends Error {
  override name = 'XmlBindError';
}

/**
 * Binds a parsed document to a dereferenced OpenAPI schema (see openapi/README.md "JSON and XML"). The root element
 * must be the schema's `xml.name` when it has one. Properties come from attributes (`xml.attribute`) or child
 * elements and fall back to the other place; arrays are `xml.wrapped` wrapper elements or runs of item elements;
 * text is converted to the schema's scalar type (`<a/>` → null, `<a></a>` → ''). Text that does not convert is kept
 * as the raw string so that schema validation reports it. Unknown elements and attributes are kept (generic Rails
 * conversion) unless `additionalProperties` is false.
 */
export function bindXml(root: XmlElement, schema: object): unknown {
  let plan = planFor(schema);
  if (plan.kind === 'union' && plan.xmlName === undefined) {
    plan = plan.branches.find((b) => b.xmlName === root.name) ?? plan;
  }
  if (plan.xmlName !== undefined && plan.xmlName !== root.name) {
    throw new XmlBindError(`expected root element <${plan.xmlName}>, found <${root.name}>`);
  }
  return bindElement(root, plan);
}

function bindElement(el: XmlElement, plan: XmlPlan): unknown {
  if (el.attrs.nil === 'true') return null;
  switch (plan.kind) {
    case 'any':
      return bindXmlGeneric(el);
    case 'scalar':
      return el.children.length > 0 ? bindXmlGeneric(el) : scalarFromText(el.text, plan);
    case 'array':
      return bindArray(el, plan);
    case 'object':
      return bindObjectElement(el, plan);
    case 'union':
      return bindElement(el, chooseBranch(el, plan));
  }
}

function bindObjectElement(el: XmlElement, plan: ObjectPlan): unknown {
  if (el.children.length === 0 && !hasDataAttrs(el)) {
    if (el.text === null) return plan.nullable ? null : {};
    if (el.text.trim() !== '') return el.text;
  }
  return bindObject(el, plan);
}

function bindArray(el: XmlElement, plan: ArrayPlan): unknown {
  if (el.children.length === 0) {
    if (el.text === null && el.attrs.type !== 'array' && plan.nullable) return null;
    if (el.text !== null && el.text.trim() !== '') return el.text;
    return [];
  }
  return el.children.map((child) => bindElement(child, plan.items));
}

const INTEGER = /^-?(?:0|[1-9]\d*)$/;
const LOOSE_INTEGER = /^[-+]?\d+$/;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/** Converts element text or an attribute value to the plan's scalar type; the raw text when it does not convert. */
export function scalarFromText(text: string | null, plan: ScalarPlan): unknown {
  if (text === null) return null;
  if (text === '') return plan.string ? '' : null;
  const t = text.trim();
  if (plan.integer || plan.number) {
    const integerRe = plan.string ? INTEGER : LOOSE_INTEGER;
    if (integerRe.test(t)) {
      const n = Number(t);
      if (plan.number || Number.isSafeInteger(n)) return n;
    } else if (NUMBER.test(t)) {
      const n = Number(t);
      if (plan.number || Number.isInteger(n)) return n;
    }
  }
  if (plan.boolean) {
    if (t === 'true') return true;
    if (t === 'false') return false;
  }
  return text;
}

function scalarFits(text: string | null, plan: ScalarPlan): boolean {
  if (text === null) return plan.nullable;
  const value = scalarFromText(text, plan);
  if (value === null) return plan.nullable;
  return typeof value !== 'string' || plan.string;
}

/** Picks the union branch whose shape fits the element best; ties go to the earlier branch. */
function chooseBranch(el: XmlElement, plan: UnionPlan): XmlPlan {
  let best: XmlPlan | undefined;
  let bestScore = -1;
  const marked = el.attrs.type === 'array';
  const structured = el.children.length > 0 || hasDataAttrs(el);
  for (const branch of plan.branches) {
    let score = 0;
    if (branch.kind === 'array') score = marked ? 3 : structured && !hasDataAttrs(el) ? 1 : 0;
    else if (branch.kind === 'object') score = marked ? 0 : structured ? 2 : el.text === null ? 1 : 0;
    else if (branch.kind === 'scalar') score = marked || structured ? 0 : scalarFits(el.text, branch) ? 2 : 0;
    else if (branch.kind === 'any') score = 1;
    else score = 1;
    if (score > bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return best ?? { kind: 'any', xmlName: undefined, nullable: true };
}

/** Binds an attribute value (or a property found as an attribute) to a plan. */
function bindAttrValue(value: string, plan: XmlPlan): unknown {
  if (plan.kind === 'scalar') return scalarFromText(value, plan);
  if (plan.kind === 'union') {
    const scalars = plan.branches.filter((b): b is ScalarPlan => b.kind === 'scalar');
    const fit = scalars.find((b) => scalarFits(value, b)) ?? scalars[0];
    return fit ? scalarFromText(value, fit) : value;
  }
  return value;
}

function bindObject(el: XmlElement, plan: ObjectPlan): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const byName = new Map<string, XmlElement[]>();
  for (const child of el.children) {
    const list = byName.get(child.name);
    if (list) list.push(child);
    else byName.set(child.name, [child]);
  }
  for (const prop of plan.props) {
    const value = bindProp(el, byName, prop, plan);
    if (value !== undefined) out[prop.key] = value;
  }
  if (plan.extra === 'drop') return out;
  const extra = plan.extra;
  for (const name in el.attrs) {
    const value = el.attrs[name] as string;
    if (plan.attrNames.has(name) || plan.elementNames.has(name) || isMarkerAttr(name, value)) continue;
    if (UNSAFE_KEYS.has(name) || Object.hasOwn(out, name)) continue;
    out[name] = extra === 'keep' ? value : bindAttrValue(value, extra);
  }
  const bind = extra === 'keep' ? bindXmlGeneric : (child: XmlElement) => bindElement(child, extra);
  addGenericChildren(
    out,
    el.children,
    (child) => !plan.elementNames.has(child.name) && !plan.attrNames.has(child.name) && !plan.keys.has(child.name),
    bind,
  );
  return out;
}

function bindProp(
  el: XmlElement,
  byName: Map<string, XmlElement[]>,
  prop: ObjectPlan['props'][number],
  plan: ObjectPlan,
): unknown {
  if (prop.attribute) {
    const raw = el.attrs[prop.name];
    if (raw !== undefined) return bindAttrValue(raw, prop.plan);
    const child = byName.get(prop.name)?.[0];
    return child ? bindElement(child, prop.plan) : undefined;
  }
  if (prop.array) {
    const items = (prop.plan as ArrayPlan).items;
    if (prop.array === 'wrapped') {
      const wrapper = byName.get(prop.name)?.[0];
      return wrapper ? bindElement(wrapper, prop.plan) : undefined;
    }
    const run = byName.get(prop.itemName);
    if (run) return run.map((child) => bindElement(child, items));
    const marked = byName.get(prop.key)?.[0];
    if (marked?.attrs.type === 'array') return bindElement(marked, prop.plan);
    return prop.required || plan.listRoot ? [] : undefined;
  }
  const child = byName.get(prop.name)?.[0] ?? (prop.altName ? byName.get(prop.altName)?.[0] : undefined);
  if (child) return bindElement(child, prop.plan);
  const raw = el.attrs[prop.name];
  return raw !== undefined ? bindAttrValue(raw, prop.plan) : undefined;
}
