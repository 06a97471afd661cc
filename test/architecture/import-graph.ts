import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

/** One import of one source file: what it names and, for the repository's own files, what it resolves to. */
export interface ImportEdge {
    /** Importing file, relative to the root, with `/` separators. */
    from: string;
    /** The module specifier as written. */
    specifier: string;
    /** Imported file relative to the root, or undefined for a package or a Node built-in. */
    to?: string;
    /** 1-based line of the import, for messages. */
    line: number;
}

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".cjs", ".mjs"];
/** Folders that are never the repository's own source, wherever they are: dependencies and build output. */
const SKIPPED_DIRS = new Set(["node_modules", ".git", ".build", "bin", "dist"]);

/** Every source file under `root` (relative, `/`-separated, sorted), skipping dependencies, build output and `skip`. */
export function sourceFiles(root: string, skip: readonly string[] = []): string[] {
    const found: string[] = [];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const absolute = path.join(dir, entry.name);
            const relative = toPosix(path.relative(root, absolute));
            if (skip.some((prefix) => relative === prefix || relative.startsWith(`${prefix}/`))) continue;
            if (entry.isDirectory()) {
                if (!SKIPPED_DIRS.has(entry.name)) walk(absolute);
            } else if (SOURCE_EXTENSIONS.includes(path.extname(entry.name)) && !entry.name.endsWith(".d.ts")) {
                found.push(relative);
            }
        }
    };
    walk(root);
    return found.sort();
}

/**
 * Every import of the given files, found with the TypeScript parser: `import`/`export ... from`,
 * `import x = require()`, `require()`, `require.resolve()`, dynamic `import()` and `import("...")` types.
 * A computed specifier (`require(file)`: the harness loading a user's program, the probe loading a bundle)
 * loads a file named at run time, not a module of the repository, and is not an edge.
 */
export function importEdges(root: string, files: readonly string[]): ImportEdge[] {
    const edges: ImportEdge[] = [];
    for (const file of files) {
        const text = fs.readFileSync(path.join(root, file), "utf8");
        const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
        const add = (node: ts.Node, specifier: string) => {
            const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
            edges.push({ from: file, specifier, to: resolveInRepo(root, file, specifier), line });
        };
        const visit = (node: ts.Node) => {
            const specifier = moduleSpecifierOf(node);
            if (specifier !== undefined && ts.isStringLiteralLike(specifier)) add(node, specifier.text);
            ts.forEachChild(node, visit);
        };
        visit(source);
    }
    return edges;
}

/** The specifier expression of a node that imports a module, if it is one. */
function moduleSpecifierOf(node: ts.Node): ts.Expression | undefined {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) return node.moduleSpecifier;
    if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
        return node.moduleReference.expression;
    }
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) return node.argument.literal as ts.Expression;
    if (ts.isCallExpression(node) && node.arguments.length >= 1) {
        const callee = node.expression;
        const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
        const isRequire = ts.isIdentifier(callee) && callee.text === "require";
        const isRequireResolve = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) &&
            callee.expression.text === "require" && callee.name.text === "resolve";
        if (isDynamicImport || isRequire || isRequireResolve) return node.arguments[0];
    }
    return undefined;
}

function scriptKind(file: string): ts.ScriptKind {
    return /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

/** The repository file a relative or absolute specifier names (as Node and TypeScript resolve it), or undefined. */
function resolveInRepo(root: string, from: string, specifier: string): string | undefined {
    if (!specifier.startsWith(".") && !path.isAbsolute(specifier)) return undefined;
    const base = path.resolve(root, path.dirname(from), specifier);
    const candidates = [base, ...SOURCE_EXTENSIONS.map((ext) => base + ext),
        ...SOURCE_EXTENSIONS.map((ext) => path.join(base, `index${ext}`))];
    if (/\.js$/.test(base)) candidates.push(base.replace(/\.js$/, ".ts"));
    const hit = candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
    return hit === undefined ? `<unresolved: ${specifier}>` : toPosix(path.relative(root, hit));
}

/**
 * The import cycles among the repository's own files: every strongly connected group of two or more files
 * (or a file importing itself), each as its files in sorted order (Tarjan's algorithm).
 */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
    const next = new Map<string, Set<string>>();
    for (const edge of edges) {
        if (edge.to === undefined || edge.to.startsWith("<")) continue;
        if (!next.has(edge.from)) next.set(edge.from, new Set());
        next.get(edge.from)!.add(edge.to);
    }
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    let counter = 0;
    const connect = (file: string) => {
        index.set(file, counter);
        low.set(file, counter);
        counter++;
        stack.push(file);
        onStack.add(file);
        for (const target of next.get(file) ?? []) {
            if (!index.has(target)) {
                connect(target);
                low.set(file, Math.min(low.get(file)!, low.get(target)!));
            } else if (onStack.has(target)) {
                low.set(file, Math.min(low.get(file)!, index.get(target)!));
            }
        }
        if (low.get(file) !== index.get(file)) return;
        const group: string[] = [];
        let member: string;
        do {
            member = stack.pop()!;
            onStack.delete(member);
            group.push(member);
        } while (member !== file);
        if (group.length > 1 || next.get(file)?.has(file)) cycles.push(group.sort());
    };
    for (const file of [...next.keys()].sort()) if (!index.has(file)) connect(file);
    return cycles.sort((a, b) => a[0].localeCompare(b[0]));
}

function toPosix(file: string): string {
    return file.split(path.sep).join("/");
}
