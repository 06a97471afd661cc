import { parseArgs } from "node:util";

/** What the user asked for on the command line (see DESIGN.md "The offline plan"). */
export interface PlanOptions {
    stack: string;
    /** A program file (or folder); omitted: the project's `main`, as `pulumi` runs it. */
    program?: string;
    /** Run as if started in this folder, like `pulumi --cwd`: relative paths and the project search start here. */
    cwd?: string;
    /** Replaces Pulumi.<stack>.yaml. */
    config?: string;
    /** Replaces policies/config/<stack>.json. */
    policyConfig?: string;
    /** Folder of the policy pack, as `pulumi preview --policy-pack`; omitted: this repository's pack. */
    policyPack?: string;
    preview: boolean;
    json: boolean;
    graph?: string;
    verbose: boolean;
}

/** A command line the plan cannot run; the message says what to type instead. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}

export const USAGE = "usage: npm run plan -- [--stack NAME] [--program FILE] [--cwd DIR] [--config FILE] [--policy-config FILE] " +
    "[--policy-pack DIR] [--preview] [--json] [--graph FILE] [--verbose]";

/** Stack names as the Pulumi CLI accepts them. */
const STACK_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

export function parsePlanOptions(argv: readonly string[]): PlanOptions {
    let values: ReturnType<typeof parse>["values"];
    try {
        values = parse(argv).values;
    } catch (error) {
        throw new UsageError(`${(error as Error).message.split("\n")[0]}; ${USAGE}`);
    }
    const stack = values.stack ?? "dev";
    if (!STACK_NAME.test(stack)) {
        throw new UsageError(`--stack "${stack}" is not a stack name: use letters, digits, "-", "_" or "."`);
    }
    for (const flag of ["program", "cwd", "config", "policy-config", "policy-pack", "graph"] as const) {
        if (values[flag] === "") throw new UsageError(`--${flag} needs a path; ${USAGE}`);
    }
    return {
        stack,
        program: values.program,
        cwd: values.cwd,
        config: values.config,
        policyConfig: values["policy-config"],
        policyPack: values["policy-pack"],
        preview: values.preview ?? false,
        json: values.json ?? false,
        graph: values.graph,
        verbose: values.verbose ?? false,
    };
}

function parse(argv: readonly string[]) {
    return parseArgs({
        args: [...argv],
        strict: true,
        allowPositionals: false,
        options: {
            stack: { type: "string" },
            program: { type: "string" },
            cwd: { type: "string" },
            config: { type: "string" },
            "policy-config": { type: "string" },
            "policy-pack": { type: "string" },
            preview: { type: "boolean" },
            json: { type: "boolean" },
            graph: { type: "string" },
            verbose: { type: "boolean" },
        },
    });
}
