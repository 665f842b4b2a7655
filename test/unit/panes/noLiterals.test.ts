/**
 * No user-visible string is left in the panes' components (docs/DESIGN.md §9): every word comes from
 * the catalogue. Read with the TypeScript compiler: JSX text with a letter in it, and string literals
 * given to JSX as children or as props a user sees or hears (label, title, aria-label, hint…).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const PANES = path.resolve(__dirname, "../../../src/panes");
const VISIBLE_PROPS = new Set(["label", "title", "aria-label", "aria-description", "placeholder", "hint", "validationMessage", "alt", "children"]);
const LETTER = /\p{L}/u;

function tsxFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? tsxFiles(full) : entry.name.endsWith(".tsx") ? [full] : [];
  });
}

/** The string literals an expression can evaluate to (through ?:, && and ||). */
function literalsOf(node: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) return [node];
  if (ts.isParenthesizedExpression(node)) return literalsOf(node.expression);
  if (ts.isConditionalExpression(node)) return [...literalsOf(node.whenTrue), ...literalsOf(node.whenFalse)];
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(node.operatorToken.kind)) return literalsOf(node.right);
  return [];
}

const visibleText = (node: ts.Node, file: ts.SourceFile): string | undefined => {
  const text = ts.isTemplateExpression(node) ? node.getText(file) : (node as ts.StringLiteral).text;
  return LETTER.test(text.replace(/\$\{[^}]*\}/g, "")) ? text : undefined;
};

export function userVisibleLiterals(source: string, fileName = "pane.tsx"): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => found.push(`${fileName}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}: ${text.trim()}`);
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && VISIBLE_PROPS.has(node.name.getText(file)) && node.initializer !== undefined) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      for (const literal of value === undefined ? [] : literalsOf(value)) {
        const text = visibleText(literal, file);
        if (text !== undefined) report(literal, text);
      }
    }
    if (ts.isJsxExpression(node) && node.parent !== undefined && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) && node.expression !== undefined) {
      for (const literal of literalsOf(node.expression)) {
        const text = visibleText(literal, file);
        if (text !== undefined) report(literal, text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("the panes hold no user-visible string of their own", () => {
  it("finds text, visible props and literals in JSX (the check itself)", () => {
    const found = userVisibleLiterals(`const a = <div title="Hello" id="x">Save {ok ? "Yes" : m.text("no")} {\`\${n} items\`}<Spinner label={"Loading"} size="tiny" /></div>;`);
    expect(found.map((line) => line.replace(/^pane\.tsx:\d+: /, ""))).toEqual(["Hello", "Save", '"Yes"'.slice(1, -1), "`${n} items`", "Loading"]);
    expect(userVisibleLiterals(`const b = <p aria-label={m.text("x")} style={{ margin: 0 }}>{"·"} {token.text}</p>;`)).toEqual([]);
  });

  it.each(tsxFiles(PANES).map((file) => [path.relative(PANES, file), file]))("%s", (_name, file) => {
    expect(userVisibleLiterals(readFileSync(file, "utf8"), path.relative(PANES, file))).toEqual([]);
  });
});
