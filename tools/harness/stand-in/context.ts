import { createHash } from "node:crypto";

/** Where the stand-in cloud's resources "live": stable fake account, region and project ids. */
export interface StandInLocation {
    awsRegion: string;
    awsAccountId: string;
    gcpProject: string;
    gcpRegion: string;
    azureSubscriptionId: string;
}

export type Inputs = Record<string, unknown>;

/** What a stand-in row reads to answer for one resource. */
export interface ResourceContext {
    cloud: StandInLocation;
    type: string;
    inputs: Inputs;
    /** Physical name: the `name` input, or an autoname `<logical>-<7 hex>` as providers make it. */
    physicalName: string;
    /** A stable hex string derived from type and logical name. */
    hex: (length: number) => string;
    /** A stable UUID derived from type, logical name and salt. */
    uuid: (salt?: string) => string;
}

/** The instant every stand-in timestamp shows, so plans are reproducible. */
export const CREATED_AT = "2026-01-01T00:00:00Z";

export function resourceContext(cloud: StandInLocation, type: string, logicalName: string, inputs: Inputs, physicalName: string): ResourceContext {
    const hex = (length: number) => hash(`${type}::${logicalName}`).slice(0, length);
    return { cloud, type, inputs, physicalName, hex, uuid: (salt = "") => uuidOf(`${salt}${type}::${logicalName}`) };
}

export function hash(text: string): string {
    return createHash("sha256").update(text).digest("hex");
}

export function uuidOf(seed: string): string {
    const h = hash(seed);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function awsArn(c: { cloud: StandInLocation }, service: string, resource: string): string {
    return `arn:aws:${service}:${c.cloud.awsRegion}:${c.cloud.awsAccountId}:${resource}`;
}

/** An input the program gave as a plain string (not unknown): names and ids other outputs are built from. */
export function text(value: unknown, fallback: string): string {
    return typeof value === "string" ? value : fallback;
}
