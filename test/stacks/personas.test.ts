import { strict as assert } from "node:assert";
import { personaGrants } from "../../components/aws/access";
import { BUILTIN_ROLES } from "../../components/azure/rbac";
import { fabricatedId } from "../../tools/mock-engine";
import { readStackConfig } from "../../tools/plan/stack-files";
import { planSample, Recorded } from "../harness";

const sample = async (stack: string) => new Recorded((await planSample(stack, { preview: false })).resources);
/** `azure.adminGroupObjectIds` of config/Pulumi.platform-azure-prod.yaml. */
const ADMIN_GROUPS = JSON.parse(readStackConfig("platform-azure-prod").config["landing-zone:azure"]).adminGroupObjectIds as string[];
const ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";

describe("personas: each one's binding on each cloud (prod samples)", () => {
    describe("aws: EKS access entries and access policies", () => {
        const policies = async () => {
            const rec = await sample("platform-aws-prod");
            return rec.ofType("aws:eks/accessPolicyAssociation:AccessPolicyAssociation").map((r) => rec.inputs(r));
        };
        const of = (all: Record<string, any>[], arn: string) => all.filter((p) => p.principalArn === arn).map((p) => [p.policyArn.split("/").pop(), p.accessScope]);

        it("platform-admin: cluster admin, cluster-wide", async () => {
            assert.deepEqual(of(await policies(), "arn:aws:iam::111111111111:role/platform-admins"), [["AmazonEKSClusterAdminPolicy", { type: "cluster" }]]);
        });
        it("domain-admin: admin in its namespace only", async () => {
            assert.deepEqual(of(await policies(), "arn:aws:iam::111111111111:role/orders-admins"), [["AmazonEKSAdminPolicy", { type: "namespace", namespaces: ["orders"] }]]);
        });
        it("domain-reader: view in its namespace only", async () => {
            assert.deepEqual(of(await policies(), "arn:aws:iam::111111111111:role/orders-readers"), [["AmazonEKSViewPolicy", { type: "namespace", namespaces: ["orders"] }]]);
        });
        it("auditor: view, cluster-wide", async () => {
            assert.deepEqual(of(await policies(), "arn:aws:iam::111111111111:role/auditors"), [["AmazonEKSViewPolicy", { type: "cluster" }]]);
        });
        it("one access entry per principal: namespaces merge, cluster scope wins, platform admins keep their own", () => {
            const grants = personaGrants({
                aws: { clusterAdminArns: ["arn:aws:iam::1:role/admin"] },
                auditors: ["arn:aws:iam::1:role/both"],
                domains: {
                    orders: { quota: "medium", admins: ["arn:aws:iam::1:role/team", "arn:aws:iam::1:role/admin"], readers: ["arn:aws:iam::1:role/both"] },
                    payments: { quota: "medium", admins: ["arn:aws:iam::1:role/team"], readers: [] },
                },
            });
            assert.deepEqual(grants, [
                { principalArn: "arn:aws:iam::1:role/both", policy: "AmazonEKSViewPolicy", scope: { type: "cluster" } },
                { principalArn: "arn:aws:iam::1:role/team", policy: "AmazonEKSAdminPolicy", scope: { type: "namespace", namespaces: ["orders", "payments"] } },
            ]);
        });
    });

    describe("azure: Azure RBAC role assignments at the cluster or <cluster id>/namespaces/<ns>", () => {
        const assignments = async () => {
            const rec = await sample("platform-azure-prod");
            const cluster = rec.one("azure-native:containerservice:ManagedCluster");
            const names = new Map([[fabricatedId(cluster), "<cluster>"], [fabricatedId(rec.one("azure-native:operationalinsights:Workspace")), "<workspace>"]]);
            const scope = (id: string) => [...names].reduce((s, [full, short]) => s.replace(full, short), id);
            const all = rec.ofType(ROLE_ASSIGNMENT).map((r) => rec.inputs(r)).map((a) => ({ ...a, scope: scope(a.scope) }));
            return { rec, cluster, all };
        };
        const rolesOf = (all: Record<string, any>[], principal: string) =>
            all.filter((a) => a.principalId === principal).map((a) => [String(a.roleDefinitionId).split("/").pop(), a.scope]).sort();

        it("platform-admin: the cluster's Entra admin groups (AKS-managed Entra integration)", async () => {
            const { rec, cluster } = await assignments();
            assert.deepEqual(rec.inputs(cluster).aadProfile.adminGroupObjectIDs, ADMIN_GROUPS);
            assert.equal(rec.inputs(cluster).aadProfile.enableAzureRBAC, true);
        });
        it("domain-admin: AKS RBAC Admin at the namespace's scope (+ the user credential)", async () => {
            const { all } = await assignments();
            assert.deepEqual(rolesOf(all, "5f1c2d3e-0000-4000-8000-00000000a001"),
                [[BUILTIN_ROLES.aksRbacAdmin, "<cluster>/namespaces/orders"], [BUILTIN_ROLES.aksClusterUser, "<cluster>"]].sort());
        });
        it("domain-reader: AKS RBAC Reader at the namespace's scope (+ the user credential)", async () => {
            const { all } = await assignments();
            assert.deepEqual(rolesOf(all, "5f1c2d3e-0000-4000-8000-00000000a002"),
                [[BUILTIN_ROLES.aksRbacReader, "<cluster>/namespaces/orders"], [BUILTIN_ROLES.aksClusterUser, "<cluster>"]].sort());
        });
        it("auditor: AKS RBAC Reader on the cluster and Log Analytics Reader on the central workspace", async () => {
            const { all } = await assignments();
            assert.deepEqual(rolesOf(all, "5f1c2d3e-0000-4000-8000-00000000a0a0"), [
                [BUILTIN_ROLES.aksRbacReader, "<cluster>"], [BUILTIN_ROLES.aksClusterUser, "<cluster>"], [BUILTIN_ROLES.logAnalyticsReader, "<workspace>"],
            ].sort());
        });
    });

    describe("gcp: GKE RBAC bound to Google groups (namespaces) and IAM (cluster-wide)", () => {
        const rbac = async () => {
            const rec = await sample("platform-gcp-prod");
            const bindings = rec.ofType("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding").map((r) => rec.inputs(r));
            const iam = rec.ofType("gcp:projects/iAMMember:IAMMember").map((r) => rec.inputs(r));
            return { rec, bindings, iam };
        };
        const boundTo = (bindings: Record<string, any>[], group: string) =>
            bindings.filter((b) => b.subjects.some((s: { kind: string; name: string }) => s.kind === "Group" && s.name === group)).map((b) => [b.metadata.namespace, b.roleRef.name]);
        const iamOf = (iam: Record<string, any>[], group: string) => iam.filter((m) => m.member === `group:${group}`).map((m) => m.role).sort();

        it("platform-admin: Kubernetes Engine Admin on the cluster's project", async () => {
            assert.deepEqual(iamOf((await rbac()).iam, "platform-admins@acme.example"), ["roles/container.admin"]);
        });
        it("domain-admin: a RoleBinding of admin in its namespace only (+ cluster viewer to get credentials)", async () => {
            const { bindings, iam } = await rbac();
            assert.deepEqual(boundTo(bindings, "orders-admins@acme.example"), [["orders", "admin"]]);
            assert.deepEqual(iamOf(iam, "orders-admins@acme.example"), ["roles/container.clusterViewer"]);
        });
        it("domain-reader: a RoleBinding of view in its namespace only (+ cluster viewer)", async () => {
            const { bindings, iam } = await rbac();
            assert.deepEqual(boundTo(bindings, "orders-readers@acme.example"), [["orders", "view"]]);
            assert.deepEqual(iamOf(iam, "orders-readers@acme.example"), ["roles/container.clusterViewer"]);
        });
        it("auditor: Kubernetes Engine Viewer and Logs Viewer; Google Groups for RBAC is on", async () => {
            const { rec, iam } = await rbac();
            assert.deepEqual(iamOf(iam, "auditors@acme.example"), ["roles/container.viewer", "roles/logging.viewer"]);
            assert.deepEqual(rec.inputs(rec.one("gcp:container/cluster:Cluster")).authenticatorGroupsConfig, { securityGroup: "gke-security-groups@acme.example" });
        });
    });
});
