import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

// Every enumeration is an exported `as const` list with its type taken from it, so the admin's label test
// (apps/admin/src/app/core/i18n/labels.spec.ts) can walk the lists at run time and no value goes unlabelled.

/** Unions that are not enumerations of values a person sees, with the reason. */
const EXEMPT: Record<string, string> = {
  ProblemParamKind:
    "the TypeScript type of an error code's parameter ('number', 'string[]'), read by code, never shown to a person",
};

// Type arguments that pick property names rather than values: `Pick<SessionResponse, 'id' | 'date'>`.
const KEY_PICKERS = new Set(['Pick', 'Omit', 'Extract', 'Exclude']);

function isStringLiteral(t: ts.TypeNode): boolean {
  return ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal);
}

function isNullish(t: ts.TypeNode): boolean {
  return (
    t.kind === ts.SyntaxKind.UndefinedKeyword ||
    (ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword)
  );
}

function nameOf(node: ts.Node, file: ts.SourceFile): string {
  const parts: string[] = [];
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if ((ts.isTypeAliasDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isPropertySignature(n)) && n.name)
      parts.unshift(n.name.getText(file));
  }
  return parts.join('.') || `line ${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
}

/** The names of the bare unions of string literals (`'a' | 'b'`, optionally `| null`) in one source text. */
export function bareUnions(source: string, fileName = 'source.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTypeReferenceNode(node) && KEY_PICKERS.has(node.typeName.getText(file))) return;
    if (
      ts.isUnionTypeNode(node) &&
      node.types.filter(isStringLiteral).length >= 2 &&
      node.types.every((t) => isStringLiteral(t) || isNullish(t))
    ) {
      found.push(nameOf(node, file));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

// Compiled to dist/cjs (or dist/esm); the sources are two folders up.
const SRC = join(__dirname, '..', '..', 'src');

describe('enumerations in the contracts', () => {
  it('finds a bare union of string literals, in a type or in a property', () => {
    assert.deepEqual(
      bareUnions(
        "export type Colour = 'red' | 'green';\n" +
          "export interface Car { paint: 'matt' | 'gloss' | null; wheels: 4 | 6; tag: string | null }\n" +
          "export type Head = Pick<Car, 'paint' | 'wheels'>;",
      ),
      ['Colour', 'Car.paint'],
    );
  });

  it('are all `as const` lists: no source file has a bare union of string literals', () => {
    const files = readdirSync(SRC).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
    assert.ok(files.includes('participants.ts'), `no sources found in ${SRC}`);
    const unions = files.flatMap((f) =>
      bareUnions(readFileSync(join(SRC, f), 'utf8'), f).map((name) => `${f}: ${name}`),
    );
    const offending = unions.filter((u) => !((u.split(': ')[1] as string) in EXEMPT));
    assert.deepEqual(
      offending,
      [],
      'declare the values as `export const X = [...] as const` and the type as `(typeof X)[number]`',
    );
    const used = new Set(unions.map((u) => u.split(': ')[1]));
    assert.deepEqual(
      Object.keys(EXEMPT).filter((name) => !used.has(name)),
      [],
      'an exemption whose union is gone',
    );
  });
});
