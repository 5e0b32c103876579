/** One allocation: numbers of `country` whose national significant number starts with `prefix`. */
export interface PrefixRow {
  country: string;
  prefix: string;
  operator: string;
}

export interface PrefixRegistry {
  /** Operator owning the longest prefix of `nationalNumber` in `country`, or null when none does. */
  lookup(country: string, nationalNumber: string): string | null;
  /** Countries with at least one allocation. */
  readonly countries: ReadonlySet<string>;
  /** Number of distinct (country, prefix) allocations. */
  readonly size: number;
}

// A digit trie per country: a lookup walks the number once, remembering the deepest operator seen,
// so the longest prefix wins without building substrings or trying each prefix length in turn.
interface TrieNode {
  operator: string | null;
  children: (TrieNode | undefined)[];
}

function createNode(): TrieNode {
  return { operator: null, children: new Array<TrieNode | undefined>(10) };
}

function isDigits(value: string): boolean {
  if (value.length === 0) return false;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/**
 * Builds an in-memory registry from `mno_prefixes` rows. Rejects malformed rows and conflicting
 * duplicates, because a silently wrong operator misroutes and misprices messages.
 */
export function createPrefixRegistry(rows: readonly PrefixRow[]): PrefixRegistry {
  const roots = new Map<string, TrieNode>();
  let size = 0;

  for (const { country, prefix, operator } of rows) {
    if (country.length === 0 || !isDigits(prefix) || operator.length === 0) {
      throw new Error(`Invalid MNO prefix row: ${JSON.stringify({ country, prefix, operator })}`);
    }
    let root = roots.get(country);
    if (!root) {
      root = createNode();
      roots.set(country, root);
    }
    let node: TrieNode = root;
    for (let index = 0; index < prefix.length; index++) {
      const digit = prefix.charCodeAt(index) - 0x30;
      let child: TrieNode | undefined = node.children[digit];
      if (!child) {
        child = createNode();
        node.children[digit] = child;
      }
      node = child;
    }
    if (node.operator === null) {
      node.operator = operator;
      size++;
    } else if (node.operator !== operator) {
      throw new Error(`MNO prefix ${country} ${prefix} is assigned to both ${node.operator} and ${operator}`);
    }
  }

  return {
    countries: new Set(roots.keys()),
    size,
    lookup(country, nationalNumber) {
      let node = roots.get(country);
      let operator: string | null = null;
      for (let index = 0; node !== undefined && index < nationalNumber.length; index++) {
        const digit = nationalNumber.charCodeAt(index) - 0x30;
        if (digit < 0 || digit > 9) return null;
        node = node.children[digit];
        if (node?.operator) operator = node.operator;
      }
      return operator;
    },
  };
}
