// `import = require` works under every interop setting (the pack is compiled by ts-node with the CLI's options).
// This module is not named prices.ts: Node resolves "./prices" to prices.json before any .ts file.
import prices = require("./prices.json");

/** The list prices, typed; one data file so that updating a price is a one-line, reviewable change. */
export type PriceBook = typeof prices;
export type VmPrice = PriceBook["aws"]["vms"][number];

export const PRICES: PriceBook = prices;

/** Seconds in the 730-hour month every provider bills monthly resources by. */
export const SECONDS_PER_MONTH = prices.hoursPerMonth * 3600;
/** Days in that month, for per-day figures. */
export const DAYS_PER_MONTH = prices.hoursPerMonth / 24;
