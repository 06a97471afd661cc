import * as ipaddr from "ipaddr.js";
import { SettingRule } from "./schema";

/** AWS accepts VPC blocks from /16 to /28; a subnet is at least a /28. */
const VPC_PREFIX = { min: 16, max: 28 } as const;
const SMALLEST_SUBNET_PREFIX = 28;

/** The longest text an IPv4 CIDR can be ("255.255.255.255/32"). */
export const CIDR_MAX_LENGTH = 18;

/** Address and prefix of a CIDR block written in plain dotted decimal, its host bits zero; else undefined. */
export function parseIpv4Block(text: string): { address: string; prefix: number } | undefined {
    const slash = text.indexOf("/");
    // ipaddr.js alone also reads octal, hex and shortened forms ("010.1", "0xa.0.0.0"), which AWS does not.
    if (slash < 0 || text.length > CIDR_MAX_LENGTH || !ipaddr.IPv4.isValidFourPartDecimal(text.slice(0, slash))) return undefined;
    const prefixText = text.slice(slash + 1);
    if (!/^\d{1,2}$/.test(prefixText) || Number(prefixText) > 32) return undefined;
    const [address, prefix] = ipaddr.IPv4.parseCIDR(text);
    if (ipaddr.IPv4.networkAddressFromCIDR(text).toString() !== address.toString()) return undefined;
    return { address: address.toString(), prefix };
}

export const VPC_CIDR: SettingRule<string> = (() => {
    const allowed = `an IPv4 network block from /${VPC_PREFIX.min} to /${VPC_PREFIX.max} in dotted decimal with its host bits ` +
        "zero, e.g. 10.0.0.0/16";
    return {
        allowed,
        problem: (value: string) => {
            const block = parseIpv4Block(value);
            return block && block.prefix >= VPC_PREFIX.min && block.prefix <= VPC_PREFIX.max ? undefined : allowed;
        },
    };
})();

/**
 * Whether a VPC of `prefix` has room for `subnets` subnets of at least a /28 each (a lower bound that
 * holds for any layout the VPC component chooses).
 */
export function fitsSubnets(prefix: number, subnets: number): boolean {
    return 2 ** (SMALLEST_SUBNET_PREFIX - prefix) >= subnets;
}
