/** The stack's settings are invalid. The message lists every problem, one line each, with the full key path. */
export class SettingsError extends Error {
    constructor(readonly problems: readonly string[], stack: string) {
        super(`Invalid settings for stack "${stack}":\n${problems.map((p) => `  - ${p}`).join("\n")}\n` +
            `Fix the value in Pulumi.${stack}.yaml (or the default in Pulumi.yaml) and run again.`);
        this.name = "SettingsError";
    }
}
