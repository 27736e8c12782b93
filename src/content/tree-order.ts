// Document order across shadow trees: a node inside a shadow root sorts where its host stands.
// compareDocumentPosition alone calls nodes of different trees "disconnected".

/** The node, then the host of its shadow root, then that host's host… ending in the document's tree. */
function hostChain(node: Node): Node[] {
  const chain: Node[] = [node];
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) chain.push(root.host);
  return chain.reverse();
}

export function compareTreeOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  const ca = hostChain(a);
  const cb = hostChain(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const x = ca[i] as Node;
    const y = cb[i] as Node;
    if (x === y) continue;
    const pos = x.compareDocumentPosition(y);
    if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
    if (pos & Node.DOCUMENT_POSITION_PRECEDING) return 1;
    return 0;
  }
  // One is the host of the other's shadow tree: the host comes first.
  return ca.length - cb.length;
}
