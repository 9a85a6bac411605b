import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { runOnMocks, UNKNOWN } from "../../tools/mock-engine";
import { Recorded } from "../harness";

/** A custom resource of any type token, for the engine's sake. */
class Thing extends pulumi.CustomResource {
    declare readonly arn: pulumi.Output<string>;
    constructor(type: string, name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
        super(type, name, { arn: undefined, ...props }, opts);
    }
}

class Box extends pulumi.ComponentResource {
    readonly id2: pulumi.Output<string>;
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("test:index:Box", name, {}, opts);
        const inner = new Thing("test:index:Thing", `${name}-thing`, { size: 3 }, { parent: this, protect: true });
        const dependent = new Thing("test:index:Other", `${name}-other`, { thingArn: inner.arn }, { parent: this });
        this.id2 = dependent.id;
        this.registerOutputs({});
    }
}

describe("tools/mock-engine", () => {
    it("in preview, computed outputs are unknown and apply callbacks on them do not run", async () => {
        let ran = false;
        const result = await runOnMocks(() => {
            const box = new Box("b");
            box.id2.apply(() => { ran = true; });
            return { id: box.id2, known: "yes" };
        }, { stack: "t", config: {} });
        assert.equal(ran, false);
        assert.equal(result.outputs.id, UNKNOWN);
        assert.equal(result.outputs.known, "yes");
        const other = new Recorded(result.resources).one("test:index:Other");
        assert.equal(other.inputs.thingArn, UNKNOWN);
    });

    it("with fabricated outputs, ids are known and apply callbacks run", async () => {
        let seen = "";
        await runOnMocks(() => {
            const box = new Box("b");
            box.id2.apply((id) => { seen = id; });
            return {};
        }, { stack: "t", config: {}, preview: false });
        assert.equal(seen, "b-other-id");
    });

    it("with fabricated outputs, an azure-native resource's name is its <resource>Name input, as the provider reports it", async () => {
        let seen = "";
        await runOnMocks(() => {
            const watcher = new Thing("azure-native:network:NetworkWatcher", "watcher", { networkWatcherName: "acme-prod-nw", name: undefined });
            (watcher as unknown as { name: pulumi.Output<string> }).name.apply((name) => { seen = name; });
            return {};
        }, { stack: "t", config: {}, preview: false });
        assert.equal(seen, "acme-prod-nw");
    });

    it("records parents with the engine's URN type chain, protect and dependencies", async () => {
        const { resources } = await runOnMocks(() => { new Box("b"); return {}; }, { stack: "t", config: {} });
        const rec = new Recorded(resources);
        const thing = rec.one("test:index:Thing");
        const other = rec.one("test:index:Other");
        assert.equal(thing.urn, "urn:pulumi:t::landing-zone::test:index:Box$test:index:Thing::b-thing");
        assert.equal(thing.protect, true);
        assert.equal(other.protect, false);
        assert.equal(rec.byUrn(thing.parent!)?.type, "test:index:Box");
        assert.ok(other.dependencies.includes(thing.urn), JSON.stringify(other.dependencies));
        assert.equal(rec.one("test:index:Box").parent, rec.one("pulumi:pulumi:Stack").urn);
    });

    it("runs resource transforms, then stack transforms, on inputs and options", async () => {
        const { resources } = await runOnMocks(() => {
            pulumi.runtime.registerResourceTransform((args) => args.type === "test:index:Thing"
                ? { props: { ...args.props, tags: { ...(args.props.tags ?? {}), stack: "yes" } }, opts: { ...args.opts, protect: false } }
                : undefined);
            new Thing("test:index:Thing", "t1", { tags: { own: "1" } }, {
                protect: true,
                transforms: [(args: pulumi.ResourceTransformArgs) => ({ props: { ...args.props, tags: { ...args.props.tags, resource: "yes" } }, opts: args.opts })],
            });
            return {};
        }, { stack: "t", config: {} });
        const thing = new Recorded(resources).one("test:index:Thing");
        assert.deepEqual(thing.inputs.tags, { own: "1", resource: "yes", stack: "yes" });
        assert.equal(thing.protect, false);
    });

    it("resolves a StackReference from the planned outputs and fails clearly without them", async () => {
        const { outputs } = await runOnMocks(() => {
            const ref = new pulumi.StackReference("platform-aws-dev");
            return { vpc: ref.requireOutput("vpcId") };
        }, { stack: "orders", config: {}, stackReferences: { "platform-aws-dev": { vpcId: "vpc-1" } } });
        assert.equal(outputs.vpc, "vpc-1");
        await assert.rejects(runOnMocks(() => ({ x: new pulumi.StackReference("nope").requireOutput("a") }), { stack: "o", config: {} }),
            /no planned stack "nope"/);
    });

    it("fails a run that registers one URN twice, as the engine does", async () => {
        await assert.rejects(runOnMocks(() => { new Thing("test:index:Thing", "same", {}); new Thing("test:index:Thing", "same", {}); return {}; }, { stack: "d", config: {} }),
            /Duplicate resource URN 'urn:pulumi:d::landing-zone::test:index:Thing::same'/);
        const { resources } = await runOnMocks(() => { new Thing("test:index:Thing", "one", {}); new Thing("test:index:Other", "one", {}); return {}; }, { stack: "d", config: {} });
        assert.equal(resources.filter((r) => r.type.startsWith("test:")).length, 2, "same name, another type: another URN");
    });

    it("keeps config and secrets per run", async () => {
        const read = () => ({ layer: new pulumi.Config("landing-zone").get("layer"), token: new pulumi.Config("landing-zone").getSecret("token") });
        const first = await runOnMocks(read, { stack: "a", config: { "landing-zone:layer": "platform", "landing-zone:token": "s3cret" }, secretKeys: ["landing-zone:token"] });
        const second = await runOnMocks(read, { stack: "b", config: { "landing-zone:layer": "domain" } });
        assert.equal(first.outputs.layer, "platform");
        assert.equal((first.outputs.token as { value: string }).value, "s3cret");
        assert.equal(second.outputs.layer, "domain");
        assert.equal(second.outputs.token, undefined);
    });
});
