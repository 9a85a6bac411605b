import { strict as assert } from "node:assert";
import { NamespaceBaseline } from "../../components/kubernetes/namespace-baseline";
import { runComponent } from "../harness";

const args = {
    namespace: "orders",
    labels: { domain: "orders" },
    quota: { requestsCpu: "4", requestsMemory: "8Gi", limitsCpu: "8", limitsMemory: "16Gi", pods: 50 },
    serviceAccount: { name: "orders", annotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::1:role/orders" } },
    egress: [{ cidr: "10.0.32.0/20", ports: [5432, 6379] }],
};

describe("components/kubernetes/namespace-baseline", () => {
    it("creates a restricted namespace with quota, limits and a workload ServiceAccount", async () => {
        const rec = await runComponent(() => new NamespaceBaseline("orders-baseline", args));
        const ns = rec.inputs(rec.one("kubernetes:core/v1:Namespace"));
        assert.equal(ns.metadata.name, "orders");
        assert.equal(ns.metadata.labels["pod-security.kubernetes.io/enforce"], "restricted");
        const quota = rec.inputs(rec.one("kubernetes:core/v1:ResourceQuota"));
        assert.equal(quota.spec.hard["limits.memory"], "16Gi");
        assert.equal(quota.spec.hard["services.loadbalancers"], "0");
        const limits = rec.inputs(rec.one("kubernetes:core/v1:LimitRange"));
        assert.equal(limits.spec.limits[0].type, "Container");
        assert.ok(limits.spec.limits[0].default.memory);
        const sa = rec.inputs(rec.one("kubernetes:core/v1:ServiceAccount"));
        assert.equal(sa.metadata.annotations["eks.amazonaws.com/role-arn"], "arn:aws:iam::1:role/orders");
        assert.equal(sa.automountServiceAccountToken, false);
    });

    it("denies all ingress and egress by default, then allows DNS, the namespace and the listed egress", async () => {
        const rec = await runComponent(() => new NamespaceBaseline("orders-baseline", args));
        const policies = rec.ofType("kubernetes:networking.k8s.io/v1:NetworkPolicy").map((p) => rec.inputs(p));
        const deny = policies.find((p) => p.metadata.name === "default-deny")!;
        assert.deepEqual(deny.spec.podSelector, {});
        assert.deepEqual(deny.spec.policyTypes, ["Ingress", "Egress"]);
        assert.equal(deny.spec.ingress, undefined);
        assert.equal(deny.spec.egress, undefined);
        const dns = policies.find((p) => p.metadata.name === "allow-dns")!;
        assert.deepEqual(dns.spec.egress[0].ports.map((p: { port: number }) => p.port), [53, 53]);
        const egress = policies.find((p) => p.metadata.name === "allow-egress")!;
        assert.equal(egress.spec.egress[0].to[0].ipBlock.cidr, "10.0.32.0/20");
        assert.deepEqual(egress.spec.egress[0].ports.map((p: { port: number }) => p.port), [5432, 6379]);
    });

    it("names every child after the component", async () => {
        const rec = await runComponent(() => new NamespaceBaseline("orders-baseline", args));
        for (const r of rec.custom) assert.ok(r.name.startsWith("orders-baseline-"), r.name);
    });
});

describe("components/kubernetes/namespace-baseline labels", () => {
    it("turns the standard tags into valid label values on every object (an e-mail owner included)", async () => {
        const rec = await runComponent(() => new NamespaceBaseline("orders-baseline", { ...args, labels: { owner: "orders@acme.example" } }));
        for (const r of rec.custom) assert.equal(rec.inputs(r).metadata.labels.owner, "orders_acme.example", r.name);
    });
});
