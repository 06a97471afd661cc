import { charge, lineItem } from "./charges";
import { ResourceIndex, TYPES } from "./links";
import { PRICES } from "./price-book";
import { arrayAt, at, isUnknown, numberAt, readTraffic } from "./read";
import { CostItem, CostResource } from "./types";

const KB_PER_GB = 1024 * 1024;

/** A function placed in subnets (known or not yet known) sends its traffic through the VPC's NAT gateways. */
function inVpc(fn: CostResource): boolean {
    const subnets = at(fn.properties, "vpcConfig", "subnetIds");
    return isUnknown(subnets) || arrayAt(fn.properties, "vpcConfig", "subnetIds").length > 0;
}

/** GB per month the VPC functions exchange (requests x payload), assumed to leave through NAT. */
function vpcTrafficGb(index: ResourceIndex): number {
    return index.ofType(TYPES.lambdaFunction).filter(inVpc).reduce((sum, fn) => {
        const { traffic } = readTraffic(fn.properties.tags);
        return sum + (traffic ? traffic.requestsPerMonth * traffic.payloadKb / KB_PER_GB : 0);
    }, 0);
}

/** NAT gateway: every hour of the month, plus the VPC functions' traffic shared evenly across the gateways. */
export function natGatewayItem(nat: CostResource, index: ResourceIndex): CostItem {
    const prices = PRICES.aws.natGateway;
    const gateways = index.ofType(TYPES.natGateway).length;
    return lineItem({ urn: nat.urn, name: nat.name, type: nat.type, cloud: "aws", service: "NAT gateway" }, [
        charge("hours", PRICES.hoursPerMonth, "hours", prices.hour),
        charge("data processed", vpcTrafficGb(index) / gateways, "GB", prices.gbProcessed),
    ]);
}

/** CloudWatch alarm: per metric it evaluates; periods under 60 s are high resolution. */
export function metricAlarmItem(alarm: CostResource): CostItem {
    const prices = PRICES.aws.cloudWatch;
    const queries = arrayAt(alarm.properties, "metricQueries").filter((q) => at(q, "metric") !== undefined).length;
    const metrics = Math.max(1, queries);
    const highResolution = (numberAt(alarm.properties, "period") ?? 60) < 60;
    return lineItem({ urn: alarm.urn, name: alarm.name, type: alarm.type, cloud: "aws", service: "CloudWatch alarm" }, [
        charge(highResolution ? "high-resolution alarm metrics" : "alarm metrics", metrics, "metric-months",
            highResolution ? prices.highResolutionAlarmMetricMonth : prices.alarmMetricMonth),
    ]);
}
