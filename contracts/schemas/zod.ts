/**
 * The zod every contract schema is declared with: `zod/mini`, the functional API of the same package and
 * version as classic `zod` (same parser core, same issues and messages). Contracts are bundled into every
 * Lambda handler and parsed a handful of times per execution environment, so what counts is the cost of
 * building the schemas at init and of their first parse. zod/mini leaves out classic zod's chainable
 * methods (`.min()`, `.optional()`, ...; the same checks are functions here: `.check(z.minLength())`,
 * `z.optional()`) and its compilation of object parsers with `new Function` on their first parse, and
 * leaves a quarter of the code in a handler's bundle (23 KB instead of 88 KB; docs/bench.md, "Cold start").
 */
import { config } from "zod/mini";
import { en } from "zod/locales";

// zod/mini registers no locale, so every message of zod's own would read "Invalid input". Classic zod
// registers English on first use unless a locale is set already; so does this, with the same messages.
if (!config().localeError) config(en());

export * from "zod/mini";
