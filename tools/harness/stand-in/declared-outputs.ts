import * as fs from "node:fs";
import * as nodeModule from "node:module";
import * as path from "node:path";

/**
 * What the provider SDK the program loaded says about a resource type. In the generated class, the
 * constructor's create branch sets each output-only property to `undefined /*out*\/` before registering;
 * the declaration file names the Azure API version. Read from the module in require.cache (the program
 * loaded it to construct the resource), so another SDK version in the program's own node_modules answers
 * for its own types.
 */
interface TypeModule {
    outputs: readonly string[];
    apiVersion: string | undefined;
}

const modules = new Map<string, TypeModule>();
/** Types no loaded module declares, with the module-load count then: looked for again only once more modules loaded. */
const notDeclared = new Map<string, number>();

/**
 * How many CommonJS modules this process has loaded since the first lookup. Counted as they load, because
 * a local component's type is looked up at every registration and counting `require.cache` each time
 * costs a scan of thousands of entries.
 */
let moduleLoads = 0;
let countingLoads = false;
function loadsSoFar(): number {
    if (!countingLoads) {
        countingLoads = true;
        const prototype = (nodeModule as unknown as { prototype: { load(filename: string): void } }).prototype;
        const load = prototype.load;
        prototype.load = function (this: unknown, filename: string) {
            moduleLoads++;
            return load.call(this, filename);
        };
    }
    return moduleLoads;
}

const OUTPUT_LINE = /^\s*resourceInputs\["([A-Za-z0-9_$]+)"\] = undefined \/\*out\*\/;\s*$/;
const API_VERSION = /Uses Azure REST API version ([0-9]{4}-[0-9]{2}-[0-9]{2}(?:-preview)?)/;

/** The output-only properties the SDK declares for a type; undefined for a local component or an unloaded SDK. */
export function declaredOutputs(type: string): readonly string[] | undefined {
    return typeModule(type)?.outputs;
}

/** The Azure REST API version an azure-native resource type uses. */
export function azureApiVersion(type: string): string | undefined {
    return typeModule(type)?.apiVersion;
}

function typeModule(type: string): TypeModule | undefined {
    const known = modules.get(type);
    if (known) return known;
    const loads = loadsSoFar();
    if (notDeclared.get(type) === loads) return undefined;
    const file = moduleFileOf(type, Object.keys(require.cache));
    if (!file) {
        notDeclared.set(type, loads);
        return undefined;
    }
    const declarations = file.replace(/\.js$/, ".d.ts");
    const apiVersion = fs.existsSync(declarations) ? API_VERSION.exec(fs.readFileSync(declarations, "utf8"))?.[1] : undefined;
    const module = { outputs: outputsDeclaredIn(fs.readFileSync(file, "utf8")), apiVersion };
    modules.set(type, module);
    return module;
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
        if (!file.includes(packageDir) || !file.toLowerCase().endsWith(fileName)) continue;
        if (declaration.test(fs.readFileSync(file, "utf8"))) return file;
    }
    return undefined;
}
