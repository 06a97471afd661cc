import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

/**
 * The stack's settings are invalid. The message lists every problem, one line each, with the full key path.
 * A RunError: Pulumi's runner prints its message alone, without the program's stack.
 */
export class SettingsError extends pulumi.RunError {
    /**
     * `configFile`: the stack file the values were read from, when the runner says (the offline plan
     * does, `--config FILE` included); otherwise the CLI's default, Pulumi.<stack>.yaml.
     */
    constructor(readonly problems: readonly string[], stack: string, configFile?: string) {
        super(`Invalid settings for stack "${stack}":\n${problems.map((p) => `  - ${p}`).join("\n")}\n` +
            `Fix the value in ${configFile ? shortPath(configFile) : `Pulumi.${stack}.yaml`} (or the default in Pulumi.yaml) and run again.`);
        this.name = "SettingsError";
    }
}

/** A path under the working directory (where Pulumi runs the program) relative to it, any other as given. */
function shortPath(file: string): string {
    const relative = path.relative(process.cwd(), file);
    return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}
