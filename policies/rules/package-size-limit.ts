import { PolicyConfigSchema, StackValidationPolicy } from "@pulumi/policy";
import * as path from "node:path";
import { measureArchive, MeasuredPaths } from "../lib/archive-size";
import { Findings } from "../lib/findings";
import { StackResource, validateStackOf } from "../lib/policy-kit";
import { aws } from "../lib/resource-types";
import { StackGraph } from "../lib/stack-graph";
import { at, isSet, str } from "../lib/values";

interface PackageSizeConfig {
    softLimitMb: number;
    hardLimitMb: number;
    projectDir: string;
}

const configSchema: PolicyConfigSchema = {
    properties: {
        softLimitMb: {
            type: "number", minimum: 1, maximum: 250, default: 50,
            description: "Unzipped size above which a function is reported (the seed aims below 50 MB for fast cold starts).",
        },
        hardLimitMb: {
            type: "number", minimum: 1, maximum: 250, default: 250,
            description: "Lambda's limit for code plus layers, unzipped; deployment fails above it.",
        },
        projectDir: {
            type: "string", default: "..",
            description: "Folder that relative archive paths are resolved against, relative to the policy pack (the Pulumi project).",
        },
    },
};

const MB = 1024 * 1024;

function mb(bytes: number): string {
    return `${(bytes / MB).toFixed(1)} MB`;
}

/** Unzipped bytes of one archive-carrying resource, or undefined after noting why it cannot be measured. */
async function sizeOf(carrier: StackResource, baseDir: string, paths: MeasuredPaths, findings: Findings): Promise<number | undefined> {
    const code = at(carrier.props, "code");
    if (code === undefined) {
        const bucket = str(at(carrier.props, "s3Bucket"));
        if (bucket !== undefined) findings.cannotDetermine(`the code of "${carrier.name}" is in S3, which the pack cannot measure`);
        return undefined;
    }
    const measured = await measureArchive(code, baseDir, paths);
    if ("undetermined" in measured) {
        findings.cannotDetermine(`the package of "${carrier.name}": ${measured.undetermined}`);
        return undefined;
    }
    return measured.bytes;
}

async function checkFunction(fn: StackResource, graph: StackGraph, config: PackageSizeConfig, paths: MeasuredPaths,
    findings: Findings): Promise<void> {
    if (str(at(fn.props, "packageType")) === "Image" || isSet(at(fn.props, "imageUri"))) return;
    const baseDir = path.resolve(config.projectDir);
    const codeBytes = await sizeOf(fn, baseDir, paths, findings);
    if (codeBytes === undefined) return;
    let total = codeBytes;
    const layers = graph.resolve(fn, ["layers"], [aws.lambdaLayerVersion]);
    for (const layer of layers.targets) total += (await sizeOf(layer, baseDir, paths, findings)) ?? 0;
    const layerNote = layers.targets.length > 0 ? ` (code ${mb(codeBytes)} plus ${layers.targets.length} layer(s))` : "";
    if (total > config.hardLimitMb * MB) {
        findings.violation(`Lambda "${fn.name}" deploys ${mb(total)} unzipped${layerNote}, above the ${config.hardLimitMb} MB ` +
            `limit: the deployment will fail. Bundle and tree-shake the handler (esbuild), move large dependencies to a ` +
            `layer or ship a container image.`, fn.urn);
    } else if (total > config.softLimitMb * MB) {
        findings.violation(`Lambda "${fn.name}" deploys ${mb(total)} unzipped${layerNote}, above the ${config.softLimitMb} MB ` +
            `soft limit: large packages make cold starts slow. Bundle and tree-shake the handler, drop unused dependencies, ` +
            `or raise softLimitMb for this stack.`, fn.urn);
    }
}

/** The seed's "Grand package Lambda": code plus layers under Lambda's 250 MB, and under a soft limit for cold starts. */
export const packageSizeLimit: StackValidationPolicy = {
    name: "package-size-limit",
    description: "Every Lambda function's code plus layers, unzipped, must stay under Lambda's 250 MB limit and is reported above a configurable soft limit (50 MB by default) because package size drives cold-start time.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema,
    validateStack: validateStackOf<PackageSizeConfig>(configSchema, async (resources, config, findings) => {
        const graph = StackGraph.of(resources);
        // Each archive path is measured once per run, however many functions and layers ship it.
        const paths: MeasuredPaths = new Map();
        for (const fn of graph.ofType(aws.lambdaFunction)) await checkFunction(fn, graph, config, paths, findings);
    }),
};
