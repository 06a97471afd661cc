import * as assert from "node:assert/strict";
import { toEngineView } from "../../tools/harness/engine-view";
import { SECRET_SIG, SIG_KEY } from "../../tools/harness/secret-values";

const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

describe("the engine's view of serialized properties", () => {
    it("is the value itself where it already is in the engine's form, at any depth", () => {
        const secret = { [SIG_KEY]: SECRET_SIG, value: "s3cr3t" };
        const value = { name: "fn", tags: { team: "a" }, list: [1, "x", { deep: [true] }], secret, none: null };
        const view = toEngineView(value);
        assert.equal(view, value);
        assert.deepStrictEqual(view, { name: "fn", tags: { team: "a" }, list: [1, "x", { deep: [true] }], secret, none: null });
    });

    it("copies only the objects and arrays on the way to what changes, keys in their order", () => {
        const untouched = { team: "a" };
        const value = {
            first: "x", tags: untouched, role: { [SIG_KEY]: RESOURCE_SIG, urn: "urn:pulumi:dev::p::aws:iam/role:Role::r", id: "r-1" },
            __internal: "dropped", list: ["a", { [SIG_KEY]: RESOURCE_SIG, urn: "urn:pulumi:dev::p::c:C::c" }, "b"], last: 1,
        };
        const view = toEngineView(value) as Record<string, unknown>;
        assert.notEqual(view, value);
        assert.deepStrictEqual(value.list[1], { [SIG_KEY]: RESOURCE_SIG, urn: "urn:pulumi:dev::p::c:C::c" }, "the input is not changed");
        assert.deepStrictEqual(Object.keys(view), ["first", "tags", "role", "list", "last"]);
        assert.deepStrictEqual(view, { first: "x", tags: { team: "a" }, role: "r-1", list: ["a", "urn:pulumi:dev::p::c:C::c", "b"], last: 1 });
        assert.equal(view.tags, untouched);
    });

    it("gives a secret the engine's own shape, and an object without Object's prototype a plain copy", () => {
        const reordered = { value: "s", [SIG_KEY]: SECRET_SIG };
        assert.deepStrictEqual(Object.keys(toEngineView(reordered) as object), [SIG_KEY, "value"]);
        const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
        const view = toEngineView(bare) as object;
        assert.notEqual(view, bare);
        assert.equal(Object.getPrototypeOf(view), Object.prototype);
        assert.deepStrictEqual(view, { a: 1 });
    });
});
