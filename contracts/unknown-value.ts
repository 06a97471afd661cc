/**
 * The sentinels the Pulumi engine puts in place of a value it does not know yet (a preview of resources
 * that do not exist). The SDKs define one per value type; the engine mostly sends the string one.
 */

/** The string sentinel: what an unknown string, id or URN part arrives as. */
export const UNKNOWN_STRING_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Every sentinel. */
export const UNKNOWN_SENTINELS: readonly string[] = [
    UNKNOWN_STRING_SENTINEL,
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "030794c1-ac77-496b-92df-f27374a8bd58",
    "e48ece36-62e2-4504-bad9-02848725956a",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
];

/** Whether a value is one of the engine's unknown sentinels. */
export function isUnknownSentinel(value: unknown): boolean {
    return typeof value === "string" && SENTINEL_SET.has(value);
}

/** Looked up for every property the policies read: a set, not a scan of the list. */
const SENTINEL_SET: ReadonlySet<string> = new Set(UNKNOWN_SENTINELS);
