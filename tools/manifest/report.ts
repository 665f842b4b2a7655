/** What a manifest check found, and the counting every check shares. */
import type { Element } from "@xmldom/xmldom";

export type ManifestProblemCode =
  | "malformed-xml"
  | "wrong-root"
  | "not-mail-app"
  | "unknown-element"
  | "element-order"
  | "duplicate-element"
  | "missing-element"
  | "id-missing"
  | "id-not-guid"
  | "version-invalid"
  | "requirements-mailbox"
  | "version-overrides-type"
  | "pinning-requirements"
  | "launch-event-invalid"
  | "launch-event-requirements"
  | "launch-event-runtime"
  | "runtime-invalid"
  | "resource-duplicate-id"
  | "resid-too-long"
  | "resid-dangling"
  | "resid-wrong-kind"
  | "url-invalid"
  | "url-not-https"
  | "url-second-host"
  | "icon-outside-assets"
  | "icon-missing"
  | "icon-not-png"
  | "icon-wrong-size";

export type ManifestProblem = {
  /** A stable name for the kind of problem, for tests and tooling. */
  readonly code: ManifestProblemCode;
  /** What is wrong and where, and what to do about it, in a sentence or two. */
  readonly message: string;
  /** The 1-based manifest line the problem is on, when the parser knows it. */
  readonly line?: number;
};

export class Report {
  readonly problems: ManifestProblem[] = [];
  checks = 0;

  /** Counts one check; records `message` under `code` when `ok` is false. */
  expect(ok: boolean, code: ManifestProblemCode, message: () => string, at?: Element | number): boolean {
    this.checks++;
    if (!ok) this.add(code, message(), at);
    return ok;
  }

  add(code: ManifestProblemCode, message: string, at?: Element | number): void {
    const line = typeof at === "number" ? at : at?.lineNumber;
    this.problems.push(line === undefined ? { code, message } : { code, message, line });
  }
}

/** `<bt:Image size="16" resid="Icon.16x16"> (line 88)`: the element as written, and where. */
export function describe(element: Element): string {
  const keys = ["xsi:type", "type", "id", "Name", "Type", "FunctionName", "SendMode", "size", "resid"];
  const attributes = keys
    .map((key) => [key, element.getAttribute(key)] as const)
    .filter(([, value]) => value !== null)
    .map(([key, value]) => ` ${key}="${value}"`)
    .join("");
  const line = element.lineNumber === undefined ? "" : ` (line ${element.lineNumber})`;
  return `<${element.nodeName}${attributes}>${line}`;
}
