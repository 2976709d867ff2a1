/** A node of a {@link TokenList}: the links live in the item itself, so moving an item allocates nothing. */
export interface Linked<T extends Linked<T>> {
  prev?: T | undefined;
  next?: T | undefined;
  list?: TokenList<T> | undefined;
}

/**
 * A doubly linked list of items that carry their own links: append, remove and move to the back in O(1), which an
 * array (removal from the middle) or a `Map` (iteration from the front after many deletions) cannot offer.
 */
export class TokenList<T extends Linked<T>> {
  head: T | undefined;
  tail: T | undefined;
  size = 0;

  /** Appends an item (taking it out of the list it was in first). */
  push(item: T): void {
    item.list?.remove(item);
    item.prev = this.tail;
    item.next = undefined;
    item.list = this;
    if (this.tail) this.tail.next = item;
    else this.head = item;
    this.tail = item;
    this.size++;
  }

  /** Takes an item of this list out of it. */
  remove(item: T): void {
    if (item.list !== this) return;
    if (item.prev) item.prev.next = item.next;
    else this.head = item.next;
    if (item.next) item.next.prev = item.prev;
    else this.tail = item.prev;
    item.prev = item.next = item.list = undefined;
    this.size--;
  }

  /** Forgets every item (their links are left as they are; the items are dropped with the list). */
  clear(): void {
    this.head = this.tail = undefined;
    this.size = 0;
  }
}
