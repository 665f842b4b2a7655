/** Walking an @xmldom/xmldom tree by element: the manifest checks read the XML manifest this way. */
import type { Element } from "@xmldom/xmldom";

export function childElements(parent: Element): Element[] {
  const children: Element[] = [];
  for (let i = 0; i < parent.childNodes.length; i++) {
    const node = parent.childNodes.item(i);
    if (node?.nodeType === 1) children.push(node as Element);
  }
  return children;
}

export function firstChild(parent: Element, localName: string): Element | undefined {
  return childElements(parent).find((e) => e.localName === localName);
}

/** Every element under `parent`, in document order. */
export function descendants(parent: Element): Element[] {
  return childElements(parent).flatMap((child) => [child, ...descendants(child)]);
}

/** The descendants that belong to this VersionOverrides, not to one nested in it. */
export function ownDescendants(overrides: Element): Element[] {
  return childElements(overrides)
    .filter((child) => child.localName !== "VersionOverrides")
    .flatMap((child) => [child, ...ownDescendants(child)]);
}

export function ancestors(element: Element): Element[] {
  const result: Element[] = [];
  for (let node = element.parentNode; node && node.nodeType === 1; node = node.parentNode) result.push(node as Element);
  return result;
}
