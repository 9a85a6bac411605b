import { strict as assert } from "node:assert";
import { parseArgs, USAGE } from "../../../tools/plan/args";
import { reportModel } from "../../../tools/report/model";
import { tierOf } from "../../../tools/report/topology";
import { doc, input, urn, violation } from "./fixtures";

describe("plan report: data model", () => {
    it("lists every stack organization -> platform -> domain, then by cloud, with the StackReference arrows between planned stacks", () => {
        const model = reportModel([
            input(doc("orders-aws-prod", "aws"), "domain", "aws", "platform-aws-prod"),
            input(doc("platform-gcp-prod", "gcp"), "platform", "gcp", "organization-gcp"),
            input(doc("platform-aws-prod", "aws"), "platform", "aws"),
            input(doc("organization-gcp", "gcp"), "organization", "gcp"),
            input(doc("orders-gcp-prod", "gcp"), "domain", "gcp", "platform-gcp-missing"),
        ]);
        assert.deepEqual(model.stacks.map((s) => s.name), ["organization-gcp", "platform-aws-prod", "platform-gcp-prod", "orders-aws-prod", "orders-gcp-prod"]);
        // orders-gcp-prod reads a stack that was not planned: no arrow.
        assert.deepEqual(model.references, [
            { from: "organization-gcp", to: "platform-gcp-prod" },
            { from: "platform-aws-prod", to: "orders-aws-prod" },
        ]);
    });

    it("groups the cloud resources in their components, counts resources, protected members and policy results", () => {
        const stack = "platform-aws-prod";
        const subnet = urn(stack, ["landing-zone:aws:Network", "aws:ec2/subnet:Subnet"], "network-private-a");
        const document = doc(stack, "aws", { violations: [violation(subnet, "mandatory"), violation(subnet, "advisory"), violation(undefined, "advisory", true)] });
        const [s] = reportModel([input(document, "platform", "aws")]).stacks;
        assert.equal(s.resourceCount, 8);
        assert.equal(s.customCount, 4, "no stack resource, no provider in the diagram");
        assert.deepEqual(s.policies, { mandatory: 1, advisory: 1, deferred: 1 });
        const groups = s.topology.nodes.filter((n) => n.component).map((g) => [g.name, g.members, g.protectedMembers, g.memberFindings]);
        assert.deepEqual(groups, [["network", 3, 0, 2], ["database", 1, 1, 0]]);
        const member = s.topology.nodes.find((n) => n.id === subnet)!;
        assert.equal(member.parent, urn(stack, ["landing-zone:aws:Network"], "network"));
        assert.deepEqual([member.tier, member.zone, member.findings.map((f) => f.kind)], ["private", "eu-west-1a", ["mandatory", "advisory"]]);
        assert.equal(s.findings[0].kind, "mandatory", "mandatory findings first");
        assert.equal(s.findings.at(-1)!.resource, stack, "a stack policy's finding names the stack");
        assert.ok(s.topology.nodes.find((n) => n.name === "database-primary")!.protect);
    });

    it("draws the recorded dependencies, lifted to one summed edge per pair of sibling boxes in a view", () => {
        const stack = "platform-aws-prod";
        const [s] = reportModel([input(doc(stack, "aws"), "platform", "aws")]).stacks;
        const name = (id: string) => s.topology.nodes.find((n) => n.id === id)!.name;
        const edges = s.topology.edges.map((e) => `${name(e.from)} -> ${name(e.to)}`).sort();
        // database-primary -> its own Database component is not drawn (the box says it).
        assert.deepEqual(edges, ["network -> database", "network-data-b -> database-primary", "network-private-a -> database-primary", "network-private-a -> network-nat"]);
        const collapsed = s.topology.collapsed;
        assert.deepEqual(collapsed.nodes.map((n) => n.name), ["network", "database"], "leaf components closed by default");
        assert.deepEqual(collapsed.edges.map((e) => [name(e.from), name(e.to), e.count, e.container]), [["network", "database", 3, undefined]]);
        const expanded = s.topology.expanded;
        assert.equal(expanded.open.size, 2);
        assert.equal(expanded.nodes.length, 6);
        const inside = expanded.edges.find((e) => name(e.to) === "network-nat")!;
        assert.equal(inside.container, urn(stack, ["landing-zone:aws:Network"], "network"), "an edge inside a box is laid out in that box");
    });

    it("opens a component by default when most of what it holds sits in components of its own", () => {
        const stack = "platform-gcp-prod";
        const base = doc(stack, "gcp");
        const root = base.resources[0].urn;
        const folder = urn(stack, ["landing-zone:gcp:Folder"], "folder");
        const reparented = base.resources.map((r) => (r.parent === root && r.type.startsWith("landing-zone:") ? { ...r, parent: folder } : r));
        const document = { ...base, resources: [...reparented, { ...base.resources[2], urn: folder, type: "landing-zone:gcp:Folder", name: "folder", parent: root }] };
        const [s] = reportModel([input(document, "platform", "gcp")]).stacks;
        assert.deepEqual([...s.topology.collapsed.open].map((id) => s.topology.nodes.find((n) => n.id === id)!.name), ["folder"]);
        assert.deepEqual(s.topology.collapsed.nodes.map((n) => n.name).sort(), ["database", "folder", "network"]);
    });

    it("opens a component by default when it is alone at its level", () => {
        const base = doc("organization-aws", "aws");
        const alone = { ...base, resources: base.resources.filter((r) => !r.name.startsWith("database")) };
        const [s] = reportModel([input(alone, "organization", "aws")]).stacks;
        assert.deepEqual(s.topology.collapsed.nodes.map((n) => n.name), ["network", "network-private-a", "network-data-b", "network-nat"]);
        assert.equal(s.topology.collapsed.open.size, 1);
    });

    it("reads the subnet tier from the tier tag, else from the name", () => {
        assert.equal(tierOf({ type: "aws:ec2/subnet:Subnet", name: "x", inputs: { tags: { tier: "data" } } }), "data");
        assert.equal(tierOf({ type: "azure-native:network:Subnet", name: "network-aks-nodes", inputs: {} }), "aks-nodes");
        assert.equal(tierOf({ type: "aws:rds/instance:Instance", name: "db-private", inputs: {} }), undefined);
    });
});

describe("plan report: the --report option", () => {
    it("is off by default, on with --report, and listed among the options an unknown one names", () => {
        assert.equal(parseArgs([]).report, false);
        assert.equal(parseArgs(["--report", "orders-aws-dev"]).report, true);
        assert.deepEqual(parseArgs(["--report", "orders-aws-dev"]).stacks, ["orders-aws-dev"]);
        assert.match(parseArgs(["--reprot"]).problems.join("\n"), /unknown option --reprot \(options: .*--report/);
        assert.match(USAGE, /--report +also write <out>\/report\.html/);
    });
});
