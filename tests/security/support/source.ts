import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * Reading the glue's own source with the TypeScript compiler, so that a checklist test looks at the
 * code that creates the window and handlers rather than at a copy of its values.
 */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function parse(relative: string): ts.SourceFile {
  const file = path.join(projectRoot, relative);
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** Every .ts file under electron/, relative to the project root. */
export function electronSources(): string[] {
  return readdirSync(path.join(projectRoot, 'electron'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join('electron', f));
}

export function findAll<T extends ts.Node>(root: ts.Node, match: (node: ts.Node) => node is T): T[] {
  const found: T[] = [];
  const visit = (node: ts.Node) => {
    if (match(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/** Calls of `<anything>.name(...)` or `name(...)`. */
export function callsNamed(root: ts.Node, name: string): ts.CallExpression[] {
  return findAll(root, ts.isCallExpression).filter((call) => {
    const callee = call.expression;
    return (ts.isPropertyAccessExpression(callee) && callee.name.text === name) || (ts.isIdentifier(callee) && callee.text === name);
  });
}

export function functionNamed(source: ts.SourceFile, name: string): ts.FunctionDeclaration {
  const fn = findAll(source, ts.isFunctionDeclaration).find((f) => f.name?.text === name);
  if (!fn) throw new Error(`${source.fileName}: no function ${name}`);
  return fn;
}

export function property(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  const prop = object.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === name);
  return prop && ts.isPropertyAssignment(prop) ? prop.initializer : undefined;
}

/** A literal's value (true, false, a string or a number), or undefined when it is not a literal. */
export function literalValue(node: ts.Expression | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  return undefined;
}

/** The chain of enclosing nodes, innermost first. */
export function ancestors(node: ts.Node): ts.Node[] {
  const chain: ts.Node[] = [];
  for (let n = node.parent; n; n = n.parent) chain.push(n);
  return chain;
}

/** True when `node` sits in the then-branch of an `if` whose condition reads exactly `condition`. */
export function guardedBy(node: ts.Node, condition: string): boolean {
  let child: ts.Node = node;
  for (const parent of ancestors(node)) {
    if (ts.isIfStatement(parent) && parent.thenStatement === child && parent.expression.getText() === condition) return true;
    if (ts.isConditionalExpression(parent) && parent.whenTrue === child && parent.condition.getText() === condition) return true;
    if (
      ts.isBinaryExpression(parent) &&
      parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
      parent.right === child &&
      parent.left.getText() === condition
    )
      return true;
    child = parent;
  }
  return false;
}
