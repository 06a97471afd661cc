import { strict as assert } from "node:assert";
import * as http from "node:http";
import { AddressInfo } from "node:net";
import { publishPackage } from "../../components/azure/one-deploy-client";

interface SeenRequest { method: string; url: string; authorization?: string; contentType?: string; body: Buffer }

/** A stand-in SCM site: answers each request with the next scripted response and records what it received. */
async function fakeScmSite(script: { status: number; body: string }[]) {
    const seen: SeenRequest[] = [];
    const server = http.createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        request.on("end", () => {
            seen.push({ method: request.method ?? "", url: request.url ?? "", authorization: request.headers.authorization,
                contentType: request.headers["content-type"], body: Buffer.concat(chunks) });
            const next = script.shift() ?? { status: 500, body: "unscripted request" };
            response.writeHead(next.status).end(next.body);
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
const timing = { pollIntervalMs: 5, storageAccessWaitMs: 1000, deploymentWaitMs: 1000 };

describe("Flex OneDeploy client (fake SCM site)", () => {
    it("retries the upload while the new storage role propagates, then polls the deployment until it succeeds", async () => {
        const site = await fakeScmSite([
            { status: 400, body: "BlobUploadFailedException: 403 This request is not authorized" },
            { status: 200, body: '"dep-42"' },
            { status: 200, body: JSON.stringify({ status: 2, status_text: "deploying" }) },
            { status: 200, body: JSON.stringify({ status: 4, status_text: "" }) },
        ]);
        try {
            await publishPackage({ scmUrl: site.url, zip: ZIP, getToken: async () => "token-1", ...timing });
        } finally {
            await site.close();
        }
        assert.deepEqual(site.seen.map((r) => `${r.method} ${r.url}`), [
            "POST /api/publish?RemoteBuild=false&Deployer=pulumi",
            "POST /api/publish?RemoteBuild=false&Deployer=pulumi",
            "GET /api/deployments/dep-42",
            "GET /api/deployments/dep-42",
        ]);
        assert.deepEqual([site.seen[1].authorization, site.seen[1].contentType, [...site.seen[1].body]],
            ["Bearer token-1", "application/zip", [...ZIP]]);
    });

    it("fails with the SCM site's reason when the deployment fails", async () => {
        const site = await fakeScmSite([
            { status: 200, body: "dep-7" },
            { status: 200, body: JSON.stringify({ status: 3, status_text: "Package deployment failed: host.json is missing" }) },
        ]);
        try {
            await assert.rejects(publishPackage({ scmUrl: site.url, zip: ZIP, getToken: async () => "t", ...timing }),
                new Error(`OneDeploy dep-7 on ${site.url} failed: Package deployment failed: host.json is missing`));
        } finally {
            await site.close();
        }
    });

    it("does not retry an upload refused for another reason", async () => {
        const site = await fakeScmSite([{ status: 401, body: "Unauthorized" }]);
        try {
            await assert.rejects(publishPackage({ scmUrl: site.url, zip: ZIP, getToken: async () => "t", ...timing }),
                new Error(`OneDeploy upload to ${site.url} failed with HTTP 401: Unauthorized`));
            assert.equal(site.seen.length, 1);
        } finally {
            await site.close();
        }
    });
});
