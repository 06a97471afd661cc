import { parse } from "acorn";
import type { AnyNode, ArrowFunctionExpression } from "acorn";

/**
 * Makes V8 compile the bundle's CommonJS module wrappers when it compiles the bundle, instead of on their first
 * call. esbuild puts each CommonJS module of a bundle (customer-api's 97, aws-xray-sdk-core's for the Tracer) in an
 * arrow function that `require` calls once, at init: V8 pre-parses every such function with the bundle's top
 * level, then parses it again in full when it is first called. A function expression in parentheses is one V8
 * compiles right away (its heuristic for functions called at once), so each module body is parsed once, as
 * Node's own loader parses a module file. customer-api: 436 → 410-420 M instructions per cold start (docs/bench.md).
 *
 * The wrapper's `this` and `arguments` are not the module's in either form (esbuild already replaces a CommonJS
 * module's top-level `this` with its `exports`), so turning the arrow into a function changes nothing else.
 * Source-mapped bundles are left as esbuild wrote them: their map would no longer match.
 */
export function eagerModuleWrappers(code: string): string {
    const program = parse(code, { ecmaVersion: "latest", sourceType: "script" });
    const helpers = new Set<string>();
    const calls: { callee: string; wrapper: ArrowFunctionExpression }[] = [];
    visit(program, (node) => {
        if (node.type === "VariableDeclarator" && node.id.type === "Identifier" && node.init && isCommonJsHelper(node.init, code)) {
            helpers.add(node.id.name);
        } else if (node.type === "CallExpression" && node.callee.type === "Identifier" && node.arguments.length === 1) {
            const [wrapper] = node.arguments;
            if (wrapper.type === "ArrowFunctionExpression" && !wrapper.async && wrapper.body.type === "BlockStatement" &&
                wrapper.params.every((param) => param.type === "Identifier")) {
                calls.push({ callee: node.callee.name, wrapper });
            }
        }
    });
    const wrappers = calls.filter((call) => helpers.has(call.callee)).map((call) => call.wrapper).sort((a, b) => a.start - b.start);
    const pieces: string[] = [];
    let copied = 0;
    for (const wrapper of wrappers) {
        if (wrapper.start < copied) continue; // inside a wrapper already rewritten (esbuild never nests them)
        const params = wrapper.params.map((param) => code.slice(param.start, param.end)).join(",");
        pieces.push(code.slice(copied, wrapper.start), `(function(${params})`, code.slice(wrapper.body.start, wrapper.end), ")");
        copied = wrapper.end;
    }
    pieces.push(code.slice(copied));
    return pieces.join("");
}

/** esbuild's `__commonJS` helper, however minified: `(cb, mod) => () => ...(mod = { exports: {} })...`. */
function isCommonJsHelper(init: AnyNode, code: string): boolean {
    return init.type === "ArrowFunctionExpression" && init.params.length === 2 && init.body.type === "ArrowFunctionExpression" &&
        init.body.params.length === 0 && /\{\s*exports\s*:\s*\{\s*\}\s*\}/.test(code.slice(init.start, init.end));
}

function visit(node: AnyNode, onNode: (node: AnyNode) => void): void {
    onNode(node);
    for (const value of Object.values(node) as unknown[]) {
        if (Array.isArray(value)) {
            for (const child of value) if (isNode(child)) visit(child, onNode);
        } else if (isNode(value)) {
            visit(value, onNode);
        }
    }
}

function isNode(value: unknown): value is AnyNode {
    return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}
