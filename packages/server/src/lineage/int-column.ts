/**
 * A growable column of 32-bit integers: one typed array per attribute instead of one object per
 * node or edge, so a graph of 100,000 nodes and 300,000 edges stays a few megabytes and hot
 * loops read flat memory.
 */
export class IntColumn {
  #data: Int32Array;
  #length = 0;

  constructor(capacity = 1024) {
    this.#data = new Int32Array(Math.max(16, capacity));
  }

  get length(): number {
    return this.#length;
  }

  /** The backing array (valid up to `length`); re-read it after a push, which may replace it. */
  get data(): Int32Array {
    return this.#data;
  }

  push(value: number): number {
    if (this.#length === this.#data.length) {
      const grown = new Int32Array(this.#data.length * 2);
      grown.set(this.#data);
      this.#data = grown;
    }
    this.#data[this.#length] = value;
    return this.#length++;
  }

  get(index: number): number {
    return this.#data[index]!;
  }

  set(index: number, value: number): void {
    this.#data[index] = value;
  }
}
