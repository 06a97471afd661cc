import { ImportEdge, importCycles, importEdges, sourceFiles } from "./import-graph";

/** The parts of the repository, by top-level folder (DESIGN.md's layout). */
export type Layer = "program" | "contracts" | "components" | "packaging" | "handlers" | "policies" | "tools" | "tests";

const LAYER_BY_FOLDER: Record<string, Layer> = {
    contracts: "contracts",
    components: "components",
    packaging: "packaging",
    functions: "handlers",
    policies: "policies",
    tools: "tools",
    test: "tests",
};

export function layerOf(file: string): Layer | undefined {
    if (file === "index.ts") return "program";
    return LAYER_BY_FOLDER[file.split("/")[0]];
}

/** What each layer must not import (the one-way data flow of DESIGN.md). */
export const FORBIDDEN_IMPORTS: Partial<Record<Layer, readonly Layer[]>> = {
    components: ["tools", "tests", "handlers", "policies"],
    handlers: ["components", "tools", "policies", "packaging", "tests"],
    policies: ["components", "tools", "handlers", "packaging", "tests"],
    tools: ["tests"],
    packaging: ["components", "handlers", "policies", "tools", "tests"],
};

/**
 * Packages that tie code to Pulumi or to one cloud: contracts must not import them, so that handlers, policies
 * and tools can share contracts without pulling in a deployment engine or an SDK.
 */
const PULUMI_OR_CLOUD_SDK = /^(@pulumi\/|@aws-sdk\/|@smithy\/|aws-sdk$|@aws-lambda-powertools\/|@azure\/|@google-cloud\/|googleapis$|google-auth-library$)/;

/** Source folders not checked: the offline plan's corpus of user programs (they are inputs, not our code). */
export const UNCHECKED = ["test/fixtures", "bench/tmp"];

export interface ArchitectureReport {
    /** Imports that cross a forbidden boundary, as `from:line imports specifier (layer -> layer)`. */
    forbidden: string[];
    /** contracts/ files importing another folder of the repository, Pulumi or a cloud SDK. */
    impureContracts: string[];
    /** Component files other than a cloud's build entry (`components/<cloud>/index.ts`) importing packaging/. */
    componentsPackaging: string[];
    /** Component files other than a cloud's build entry importing the settings: components own their argument types. */
    componentsSettings: string[];
    /** Relative imports that resolve to no file. */
    unresolved: string[];
    /** Import cycles, each as its files joined by " <-> ". */
    cycles: string[];
}

const describeEdge = (edge: ImportEdge) => `${edge.from}:${edge.line} imports ${edge.specifier}`;

/** Checks every import of every source file under `root`. */
export function checkArchitecture(root: string): ArchitectureReport {
    const edges = importEdges(root, sourceFiles(root, UNCHECKED));
    const report: ArchitectureReport = {
        forbidden: [], impureContracts: [], componentsPackaging: [], componentsSettings: [], unresolved: [], cycles: [],
    };
    for (const edge of edges) {
        if (edge.to?.startsWith("<")) {
            report.unresolved.push(describeEdge(edge));
            continue;
        }
        const from = layerOf(edge.from);
        const to = edge.to === undefined ? undefined : layerOf(edge.to);
        const leavesContracts = edge.to === undefined ? PULUMI_OR_CLOUD_SDK.test(edge.specifier) : to !== "contracts";
        if (from === "contracts" && leavesContracts) report.impureContracts.push(describeEdge(edge));
        if (from !== undefined && to !== undefined && FORBIDDEN_IMPORTS[from]?.includes(to)) {
            report.forbidden.push(`${describeEdge(edge)} (${from} -> ${to})`);
        }
        const isBuildEntry = /^components\/[^/]+\/index\.ts$/.test(edge.from);
        if (from === "components" && to === "packaging" && !isBuildEntry) report.componentsPackaging.push(describeEdge(edge));
        const isSettingsFile = (file: string) => file.startsWith("components/settings/");
        if (from === "components" && edge.to !== undefined && isSettingsFile(edge.to) && !isSettingsFile(edge.from) && !isBuildEntry) {
            report.componentsSettings.push(describeEdge(edge));
        }
    }
    report.cycles = importCycles(edges).map((cycle) => cycle.join(" <-> "));
    return report;
}
