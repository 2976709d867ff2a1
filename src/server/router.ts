import { expandTemplate, matchSegment, parseTemplate, type SegmentPattern, splitPath } from './path-template.js';

/** The result of a lookup: a route with its captured path parameters, a known path with another method, or nothing. */
export type RouteMatch<T> =
  | { kind: 'found'; route: T; params: Record<string, string> }
  | { kind: 'method'; allowed: string[] }
  | { kind: 'none' };

interface Node<T> {
  literal: Map<string, Node<T>>;
  dynamic: { pattern: SegmentPattern; node: Node<T> }[];
  routes?: Map<string, T>;
}

const newNode = <T>(): Node<T> => ({ literal: new Map(), dynamic: [] });

/**
 * A router compiled once at start-up. Templates whose parameters all have small enums (a `.{format}`
 * suffix) are expanded into an exact-path map; the rest go into a segment trie where literal segments are tried
 * before patterns, and patterns with more literal text before plain `{param}` segments. A lookup costs a map hit or
 * one walk down the trie: it does not grow with the number of operations and builds no RegExp.
 */
export class Router<T> {
  private readonly exact = new Map<string, Map<string, { route: T; params: Record<string, string> }>>();
  private readonly root: Node<T> = newNode();

  /** Adds a route. `enums` lists allowed values of path parameters (from their schemas). */
  add(method: string, template: string, route: T, enums: Readonly<Record<string, readonly string[]>> = {}): void {
    const upper = method.toUpperCase();
    const expanded = expandTemplate(template, enums);
    if (expanded) {
      for (const { path, params } of expanded) {
        let byMethod = this.exact.get(path);
        if (!byMethod) {
          byMethod = new Map();
          this.exact.set(path, byMethod);
        }
        if (byMethod.has(upper)) throw new Error(`duplicate route ${upper} ${path}`);
        byMethod.set(upper, { route, params });
      }
      return;
    }
    let node = this.root;
    for (const pattern of parseTemplate(template, enums)) node = this.child(node, pattern);
    node.routes ??= new Map();
    if (node.routes.has(upper)) throw new Error(`duplicate route ${upper} ${template}`);
    node.routes.set(upper, route);
  }

  /** Looks a request path up (the path below the API root, without query string). */
  match(method: string, path: string): RouteMatch<T> {
    const exact = this.exact.get(path);
    const hit = exact?.get(method);
    if (hit) return { kind: 'found', route: hit.route, params: { ...hit.params } };
    const segments = splitPath(path);
    const params: Record<string, string> = {};
    const allowed = new Set<string>(exact ? exact.keys() : []);
    const route = this.walk(this.root, segments, 0, method, params, allowed);
    if (route !== undefined) return { kind: 'found', route, params };
    return allowed.size > 0 ? { kind: 'method', allowed: [...allowed] } : { kind: 'none' };
  }

  /** True when some method is routed at this path. */
  hasPath(path: string): boolean {
    return this.match('\0', path).kind === 'method';
  }

  private walk(
    node: Node<T>,
    segments: string[],
    index: number,
    method: string,
    params: Record<string, string>,
    allowed: Set<string>,
  ): T | undefined {
    if (index === segments.length) {
      if (!node.routes) return undefined;
      const route = node.routes.get(method);
      if (route === undefined) for (const m of node.routes.keys()) allowed.add(m);
      return route;
    }
    const segment = segments[index] as string;
    const lit = node.literal.get(segment);
    if (lit) {
      const found = this.walk(lit, segments, index + 1, method, params, allowed);
      if (found !== undefined) return found;
    }
    for (const { pattern, node: next } of node.dynamic) {
      const captured: Record<string, string> = {};
      if (!matchSegment(pattern, segment, captured)) continue;
      const found = this.walk(next, segments, index + 1, method, params, allowed);
      if (found !== undefined) {
        Object.assign(params, captured);
        return found;
      }
    }
    return undefined;
  }

  private child(node: Node<T>, pattern: SegmentPattern): Node<T> {
    if (pattern.literal) {
      const text = (pattern.parts[0] as { literal: string } | undefined)?.literal ?? '';
      let next = node.literal.get(text);
      if (!next) {
        next = newNode<T>();
        node.literal.set(text, next);
      }
      return next;
    }
    const key = JSON.stringify(pattern.parts.map((p) => ('literal' in p ? p.literal : `{${p.param}}`)));
    const existing = node.dynamic.find(
      (d) => JSON.stringify(d.pattern.parts.map((p) => ('literal' in p ? p.literal : `{${p.param}}`))) === key,
    );
    if (existing) return existing.node;
    const next = newNode<T>();
    node.dynamic.push({ pattern, node: next });
    node.dynamic.sort((a, b) => b.pattern.literalLength - a.pattern.literalLength);
    return next;
  }
}
