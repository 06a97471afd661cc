import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { createHash, timingSafeEqual } from "node:crypto";

/** Reads the API key from the secret, stored as JSON `{"api_key": "..."}` (the seed's format). */
export async function readApiKey(client: SecretsManagerClient, secretArn: string): Promise<string> {
    const result = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
    const apiKey = (JSON.parse(result.SecretString ?? "{}") as { api_key?: unknown }).api_key;
    if (typeof apiKey !== "string" || apiKey === "") {
        throw new Error(`secret ${secretArn} must hold JSON {"api_key": "<non-empty string>"}`);
    }
    return apiKey;
}

/** Compares in constant time (of the digests) so response timing does not leak the key. */
export function isValidApiKey(presented: string | undefined, apiKey: string): boolean {
    if (presented === undefined) return false;
    const digest = (value: string) => createHash("sha256").update(value).digest();
    return timingSafeEqual(digest(presented), digest(apiKey));
}
