/**
 * A seeded order without a random-number generator: each item's rank is a hash of the seed
 * and the item's id. The same seed ranks the same ids the same way on every device and every
 * reload, so a sitting (seeded by its id) is reproducible from its answers alone, and two
 * sittings with different seeds see the bank in different orders.
 */

/** cyrb53 (bryc, public domain): a fast 53-bit string hash with good spread. */
function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The rank of `id` under `seed`: compare ranks to order ids. */
export function seededRank(seed: string, id: string): number {
  return cyrb53(`${seed}\u0000${id}`);
}
