import { ChildProcess, spawn } from "node:child_process";
import { freePort, waitForPort } from "./free-port";

/** The region and account moto answers for. */
export const MOTO_REGION = "eu-west-1";
export const MOTO_ACCOUNT_ID = "123456789012";

/** A running moto server (the AWS API emulator) on a free 127.0.0.1 port. */
export interface MotoServer {
    endpoint: string;
    stop(): Promise<void>;
}

/**
 * Starts `python3 -m moto.server` on a free loopback port and waits until it accepts connections.
 * Also sets fake AWS credentials and the region in this process's environment (the SDK clients of the
 * caller and of the processes it spawns then talk to moto's account). On a developer machine moto
 * comes from `pip install "moto[server]"`.
 */
export async function startMotoServer(): Promise<MotoServer> {
    process.env.AWS_ACCESS_KEY_ID = "testing";
    process.env.AWS_SECRET_ACCESS_KEY = "testing";
    process.env.AWS_REGION = MOTO_REGION;
    process.env.AWS_DEFAULT_REGION = MOTO_REGION;
    const port = await freePort();
    const child = spawn("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)], {
        stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
    const exited = new Promise<never>((_, reject) => child.once("exit", (code) =>
        reject(new Error(`moto server exited with code ${code}. Install it with: pip install "moto[server]"\n${stderr}`))));
    try {
        await Promise.race([waitForPort(port, 30_000), exited]);
    } catch (error) {
        await stopProcess(child);
        throw error;
    }
    return { endpoint: `http://127.0.0.1:${port}`, stop: () => stopProcess(child) };
}

function stopProcess(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
    });
}
