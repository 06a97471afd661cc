import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The output-only properties a provider SDK declares for a resource type: in the generated class the
 * constructor's create branch sets each one to `undefined /*out*\/` before registering. Read from the
 * module the program itself loaded (it is in require.cache once the program constructed the resource),
 * so another SDK version in the program's own node_modules answers for its own types.
 */
const cache = new Map<string, readonly string[] | undefined>();

const OUTPUT_LINE = /^\s*resourceInputs\["([A-Za-z0-9_$]+)"\] = undefined \/\*out\*\/;\s*$/;

export function declaredOutputs(type: string, loadedFiles: () => Iterable<string> = () => Object.keys(require.cache)): readonly string[] | undefined {
    if (cache.has(type)) return cache.get(type);
    const file = moduleFileOf(type, loadedFiles());
    const outputs = file ? outputsDeclaredIn(fs.readFileSync(file, "utf8")) : undefined;
    // An SDK module not loaded yet may be loaded later: only a found answer is kept.
    if (outputs) cache.set(type, outputs);
    return outputs;
}

/** Also from the generated module: the API version an azure-native resource type uses. */
export function azureApiVersion(type: string, loadedFiles: () => Iterable<string> = () => Object.keys(require.cache)): string | undefined {
    const file = moduleFileOf(type, loadedFiles());
    if (!file) return undefined;
    const declarations = file.replace(/\.js$/, ".d.ts");
    if (!fs.existsSync(declarations)) return undefined;
    return /Uses Azure REST API version ([0-9]{4}-[0-9]{2}-[0-9]{2}(?:-preview)?)/.exec(fs.readFileSync(declarations, "utf8"))?.[1];
}

/** The first run of `/*out*\/` assignments: the create branch (the `get` branch repeats every property). */
function outputsDeclaredIn(source: string): string[] {
    const outputs: string[] = [];
    for (const line of source.split("\n")) {
        const match = OUTPUT_LINE.exec(line);
        if (match) outputs.push(match[1]);
        else if (outputs.length > 0) break;
    }
    return outputs;
}

/**
 * `aws:lambda/function:Function` -> a loaded `@pulumi/aws/.../function.js` whose class declares that token;
 * `azure-native:web:WebApp` -> `@pulumi/azure-native/web/webApp.js`; `awsx:ecr:Image` -> `@pulumi/awsx/ecr/image.js`.
 */
function moduleFileOf(type: string, loaded: Iterable<string>): string | undefined {
    const [pkg, , typeName] = type.split(":");
    if (!pkg || !typeName) return undefined;
    const packageDir = `${path.sep}node_modules${path.sep}@pulumi${path.sep}${pkg}${path.sep}`;
    // Usually the type name in lower camel case; a few modules differ in case only (projects/iammember.js).
    const fileName = `${path.sep}${typeName.toLowerCase()}.js`;
    const declaration = new RegExp(`__pulumiType = ['"]${type.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}['"]`);
    for (const file of loaded) {
        if (!file.toLowerCase().endsWith(fileName) || !file.includes(packageDir)) continue;
        if (declaration.test(fs.readFileSync(file, "utf8"))) return file;
    }
    return undefined;
}
