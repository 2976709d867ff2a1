import type { PlutioApp } from './app.js';
import { type Linked, TokenList } from './token-list.js';

/** Most live access tokens one client may hold; issuing one more forgets one of them (see {@link TokenStore}). */
export const DEFAULT_MAX_TOKENS_PER_CLIENT = 10_000;

/**
 * An issued access token (with its place in its client's lists). Kept small, as a server under a token flood holds
 * up to `maxPerClient` of them: the expiry is a number, not a `Date`, and {@link tokenEntry} makes every field at
 * once so that the object keeps them in itself (links added later would need a separate property array).
 */
export interface TokenEntry extends Linked<TokenEntry> {
  token: string;
  app: PlutioApp;
  /** Expiry, epoch milliseconds. */
  expiresAtMs: number;
}

/** A new entry, not in any list yet. */
export function tokenEntry(token: string, app: PlutioApp, expiresAtMs: number): TokenEntry {
  return { token, app, expiresAtMs, prev: undefined, next: undefined, list: undefined };
}

/** One client's tokens: those never used, in issue order, and those used, least recently used first. */
interface ClientTokens {
  fresh: TokenList<TokenEntry>;
  used: TokenList<TokenEntry>;
}

/**
 * The live access tokens: a map for lookups plus, per client, two lists. Tokens never used stay in issue order, which
 * is expiry order as all tokens share one lifetime; a token's first use moves it to the list of used tokens, where
 * every use moves it to the back. Issuing drops the client's expired tokens from the front of both lists (each token
 * is dropped once, so a call costs O(1) amortised however many tokens are live). A client holds at most
 * `maxPerClient` tokens; beyond, its oldest never-used token goes, or when all were used, the least recently used
 * one. A token in use therefore survives a flood of new tokens, and memory stays bounded under any load.
 */
export class TokenStore {
  readonly #byToken = new Map<string, TokenEntry>();
  readonly #byClient = new Map<string, ClientTokens>();

  constructor(readonly maxPerClient = DEFAULT_MAX_TOKENS_PER_CLIENT) {
    if (!Number.isSafeInteger(maxPerClient) || maxPerClient < 1) throw new Error('maxPerClient must be at least 1');
  }

  /** Number of tokens held (expired ones not yet dropped included). */
  get size(): number {
    return this.#byToken.size;
  }

  /** The entry of a token, expired or not, or `undefined`; the lookup counts as a use of the token. */
  use(token: string): TokenEntry | undefined {
    const entry = this.#byToken.get(token);
    if (entry) this.#byClient.get(entry.app.clientId)?.used.push(entry);
    return entry;
  }

  /** Stores a newly issued token after dropping the client's expired tokens and, at the cap, one more. */
  add(entry: TokenEntry, now: Date): void {
    const client = this.#client(entry.app.clientId);
    const nowMs = now.getTime();
    for (const list of [client.fresh, client.used]) {
      while (list.head && list.head.expiresAtMs <= nowMs) this.#drop(list.head);
    }
    while (client.fresh.size + client.used.size >= this.maxPerClient) {
      this.#drop((client.fresh.head ?? client.used.head) as TokenEntry);
    }
    this.delete(entry.token);
    client.fresh.push(entry);
    this.#byToken.set(entry.token, entry);
  }

  /** Forgets one token. */
  delete(token: string): void {
    const entry = this.#byToken.get(token);
    if (entry) this.#drop(entry);
  }

  /** Forgets every token. */
  clear(): void {
    this.#byToken.clear();
    this.#byClient.clear();
  }

  #client(clientId: string): ClientTokens {
    let client = this.#byClient.get(clientId);
    if (!client) {
      client = { fresh: new TokenList(), used: new TokenList() };
      this.#byClient.set(clientId, client);
    }
    return client;
  }

  #drop(entry: TokenEntry): void {
    entry.list?.remove(entry);
    if (this.#byToken.get(entry.token) === entry) this.#byToken.delete(entry.token);
  }
}
