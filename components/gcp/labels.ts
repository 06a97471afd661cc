/**
 * A GCP label value or resource id part made from free text (a stack name): lowercase, only [a-z0-9-],
 * at most `maxLength` characters, no leading or trailing dash.
 */
export function gcpSafeName(text: string, maxLength: number): string {
    return text.toLowerCase().replace(/[^a-z0-9-]+/g, "-").slice(0, maxLength).replace(/^-+|-+$/g, "");
}
