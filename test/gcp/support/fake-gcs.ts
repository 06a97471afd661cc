import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";

/**
 * The one Cloud Storage JSON API call the churn API makes (object media download), served from memory on
 * 127.0.0.1 so the service's real bucket path runs without a cloud account. The client library is pointed at
 * it through STORAGE_EMULATOR_HOST.
 */
export interface FakeGcs {
    endpoint: string;
    /** Object paths (`bucket/object`) requested so far. */
    requested: string[];
    close(): Promise<void>;
}

export async function startFakeGcs(objects: ReadonlyMap<string, string>): Promise<FakeGcs> {
    const requested: string[] = [];
    const server: Server = createServer((req, res) => {
        const url = new URL(req.url ?? "/", "http://127.0.0.1");
        // With STORAGE_EMULATOR_HOST the client drops the /storage/v1 prefix; with apiEndpoint it keeps it.
        const match = /^(?:\/storage\/v1)?\/b\/([^/]+)\/o\/(.+)$/.exec(url.pathname);
        if (req.method !== "GET" || !match || url.searchParams.get("alt") !== "media") {
            res.writeHead(400, { "content-type": "application/json" });
            res.end(JSON.stringify({ error: { code: 400, message: `fake GCS serves only object downloads, not ${req.method} ${req.url}` } }));
            return;
        }
        const path = `${match[1]}/${decodeURIComponent(match[2])}`;
        requested.push(path);
        const body = objects.get(path);
        res.writeHead(body === undefined ? 404 : 200, { "content-type": "application/json" });
        res.end(body ?? JSON.stringify({ error: { code: 404, message: `No such object: ${path}` } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return {
        endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        requested,
        close: () => new Promise((resolve) => server.close(() => resolve())),
    };
}
