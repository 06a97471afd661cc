/** Values in the engine's wire form, as a policy pack receives them. */

/** What the engine sends for a value it cannot know during preview. */
export { UNKNOWN_STRING_SENTINEL as UNKNOWN } from "../../../contracts/unknown-value";

const SIG = "4dabf18193072939515e22adb298388d";
const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";

export function fileArchive(path: string): Record<string, unknown> {
    return { [SIG]: ARCHIVE_SIG, path };
}

export function assetArchive(assets: Record<string, Record<string, unknown>>): Record<string, unknown> {
    return { [SIG]: ARCHIVE_SIG, assets };
}

export function stringAsset(text: string): Record<string, unknown> {
    return { [SIG]: ASSET_SIG, text };
}

export function fileAsset(path: string): Record<string, unknown> {
    return { [SIG]: ASSET_SIG, path };
}

const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/**
 * A secret as the engine sends it to a policy pack: Analyze and AnalyzeStack marshal properties with
 * `KeepSecrets: true` (pulumi/pulumi pkg/resource/plugin/analyzer_plugin.go), so the marker is on the wire.
 */
export function secret(value: unknown): Record<string, unknown> {
    return { [SIG]: SECRET_SIG, value };
}
