import * as os from "node:os";

/** What the numbers were measured on; printed with the results because they only mean something there. */
export interface MachineInfo {
    nodeVersion: string;
    cpuModel: string;
    cpuCount: number;
    totalMemoryMb: number;
    platform: string;
}

export function describeMachine(): MachineInfo {
    const cpus = os.cpus();
    return {
        nodeVersion: process.version,
        cpuModel: cpus[0]?.model.trim() ?? "unknown",
        cpuCount: cpus.length,
        totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
        platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    };
}
