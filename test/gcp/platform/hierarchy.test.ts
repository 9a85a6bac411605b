import { strict as assert } from "node:assert";
import { DOMAIN_APIS, PLATFORM_APIS } from "../../../components/gcp/hierarchy";
import { physicalName } from "../../../components/core/naming";
import { ancestors, sample, sampleConfig, T, variant } from "./helpers";

const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

describe("components/gcp/hierarchy", () => {
    it("prod: the projects go into the environment folder the organization stack owns, in the same component tree", async () => {
        const rec = await sample("platform-gcp-prod", false);
        // Folders and their org policies belong to organization-gcp now.
        assert.equal(rec.ofType(T.folder).length, 0);
        assert.equal(rec.ofType(T.policy).length, 0);
        const projects = rec.ofType(T.project);
        assert.deepEqual(projects.map((p) => p.name).sort(), ["lz-prod-orders-project", "lz-prod-payments-project", "lz-prod-platform-project"]);
        for (const p of projects) {
            // organization-gcp's `environments.prod.containerId` (the mock's fabricated folder name).
            assert.equal(rec.inputs(p).folderId, "organization-prod-folder", `${p.name} must live in the organization's prod folder`);
            // The same component chain as when the platform owned the folders: the projects keep their URNs.
            assert.deepEqual(ancestors(rec, p.urn).slice(-3, -1), ["landing-zone:gcp:Folder::lz-prod", "landing-zone:gcp:Folder::lz"]);
        }
        const cluster = rec.one(T.cluster);
        assert.ok(ancestors(rec, cluster.urn).includes("landing-zone:gcp:Project::lz-prod-platform"));
    });

    it("without an organization stack, prod still builds landing zone folder -> environment folder itself", async () => {
        const rec = await variant("platform-gcp-prod", {
            organizationStack: undefined, hierarchy: { ...sampleConfig("platform-gcp-prod").hierarchy, parentId: "organizations/123456789012" },
        });
        const root = rec.one(T.folder, "lz-folder");
        const env = rec.one(T.folder, "lz-prod-folder");
        assert.equal(rec.inputs(root).parent, "organizations/123456789012");
        assert.ok(env.dependencies.includes(root.urn));
        for (const p of rec.ofType(T.project)) assert.ok(p.dependencies.includes(env.urn));
    });

    it("project ids are valid GCP ids, deterministic, and differ per environment and prefix", async () => {
        const prod = await sample("platform-gcp-prod");
        const ids = prod.ofType(T.project).map((p) => prod.inputs(p).projectId as string);
        for (const id of ids) {
            assert.match(id, PROJECT_ID);
            assert.ok(id.length >= 6 && id.length <= 30, id);
        }
        assert.equal(new Set(ids).size, ids.length);
        assert.ok(ids.includes(physicalName("gcp.projectId", ["acme", "prod", "platform"], ["europe-west1"])));
        const again = await variant("platform-gcp-prod", {});
        assert.deepEqual(again.ofType(T.project).map((p) => again.inputs(p).projectId), ids, "a re-run must give the same ids");
        const other = await variant("platform-gcp-prod", { prefix: "globex" });
        const otherIds = other.ofType(T.project).map((p) => other.inputs(p).projectId as string);
        assert.ok(otherIds.every((id) => !ids.includes(id)));
        const dev = await sample("platform-gcp-dev");
        const devIds = dev.ofType(T.project).map((p) => dev.inputs(p).projectId as string);
        assert.ok(devIds.every((id) => !ids.includes(id)));
    });

    it("long prefixes and domain names still give valid project ids", async () => {
        const rec = await variant("platform-gcp-prod", {
            prefix: "abcdefgh", hierarchy: sampleConfig("platform-gcp-prod").hierarchy, domains: { abcdefghijkl: {}, orders: {} },
        });
        for (const p of rec.ofType(T.project)) assert.match(rec.inputs(p).projectId, PROJECT_ID);
    });

    it("prod: projects and folders are protected, with deletionPolicy PREVENT and folder deletion protection", async () => {
        const rec = await sample("platform-gcp-prod");
        for (const p of rec.ofType(T.project)) {
            assert.equal(p.protect, true, p.name);
            assert.equal(rec.inputs(p).deletionPolicy, "PREVENT", p.name);
            assert.equal(rec.inputs(p).billingAccount, "012345-6789AB-CDEF01");
            assert.equal(rec.inputs(p).autoCreateNetwork, false);
        }
        for (const f of rec.ofType(T.folder)) {
            assert.equal(f.protect, true, f.name);
            assert.equal(rec.inputs(f).deletionProtection, true, f.name);
        }
    });

    it("dev: projects can be deleted; nothing is protected but the keys in the organization's ring", async () => {
        const rec = await sample("platform-gcp-dev");
        for (const r of rec.ofType(T.project)) {
            assert.equal(r.protect, false);
            assert.equal(rec.inputs(r).deletionPolicy, "DELETE");
        }
        // Only the keys in the organization's key ring are protected in dev: the ring belongs to the
        // foundation team, and destroying a key's versions there loses data no dev stack can restore.
        assert.equal(rec.ofType(T.keyRing).length, 0, "dev creates no ring of its own: its keys live in the organization's");
        for (const r of rec.resources.filter((x) => x.protect)) assert.equal(r.type, T.key, `only the organization ring's keys are protected in dev: ${r.name}`);
        assert.ok(rec.ofType(T.key).length > 0 && rec.ofType(T.key).every((k) => k.protect), "every key in the organization ring is protected");
    });

    it("enables each project's APIs without disabling them on destroy", async () => {
        const rec = await sample("platform-gcp-prod");
        const services = rec.ofType(T.service);
        for (const s of services) assert.equal(rec.inputs(s).disableOnDestroy, false, s.name);
        const of = (prefix: string) => services.filter((s) => s.name.startsWith(prefix)).map((s) => rec.inputs(s).service).sort();
        assert.deepEqual(of("lz-prod-platform-"), [...PLATFORM_APIS].sort());
        assert.deepEqual(of("lz-prod-orders-"), [...DOMAIN_APIS].sort());
        const ordersProject = rec.inputs(rec.one(T.project, "orders")).projectId;
        assert.ok(services.filter((s) => s.name.startsWith("lz-prod-orders-")).every((s) => rec.inputs(s).project === ordersProject));
    });

    it("labels each domain project with its domain (valid GCP labels)", async () => {
        const rec = await sample("platform-gcp-prod");
        const labels = rec.inputs(rec.one(T.project, "payments")).labels;
        assert.equal(labels.domain, "payments");
        assert.equal(labels.environment, "prod");
        for (const [k, v] of Object.entries(labels)) {
            assert.match(k, /^[a-z][a-z0-9_-]{0,62}$/);
            assert.match(String(v), /^[a-z0-9_-]{0,63}$/);
        }
    });

    it("dev reads its folder from the organization stack: no folder, no org policies, no placeholder id", async () => {
        const rec = await sample("platform-gcp-dev", false);
        assert.equal(rec.ofType(T.folder).length, 0);
        assert.equal(rec.ofType(T.policy).length, 0);
        for (const p of rec.ofType(T.project)) assert.equal(rec.inputs(p).folderId, "organization-dev-folder");
        assert.equal(sampleConfig("platform-gcp-dev").hierarchy.existingIds, undefined);
    });

    it("skip: everything in gcp.projectId, no folders or projects created, APIs still enabled", async () => {
        const rec = await variant("platform-gcp-dev", {
            organizationStack: undefined, hierarchy: { mode: "skip" }, domains: { orders: {} }, gcp: { projectId: "acme-sandbox-1" },
        });
        assert.equal(rec.ofType(T.folder).length, 0);
        assert.equal(rec.ofType(T.project).length, 0);
        assert.equal(rec.ofType(T.policy).length, 0);
        const services = rec.ofType(T.service);
        assert.ok(services.length > 0 && services.every((s) => rec.inputs(s).project === "acme-sandbox-1"));
        // The domain shares the project: its APIs are enabled once, with the platform's.
        assert.ok(services.some((s) => rec.inputs(s).service === "sqladmin.googleapis.com"));
        assert.equal(new Set(services.map((s) => rec.inputs(s).service)).size, services.length);
        assert.equal(rec.ofType(T.attach).length, 0, "no Shared VPC attachment of a project to itself");
        assert.equal(rec.ofType(T.projectSink).length, 3, "logs sink from the project when no folder is ours");
    });

    it("existing: uses the given folder and project ids and creates none", async () => {
        const rec = await variant("platform-gcp-prod", {
            organizationStack: undefined,
            hierarchy: {
                mode: "existing",
                existingIds: { root: "folders/11", environment: "folders/22", platform: "acme-host-prj", orders: "acme-orders-prj" },
            },
            domains: { orders: {} },
        });
        assert.equal(rec.ofType(T.folder).length, 0);
        assert.equal(rec.ofType(T.project).length, 0);
        const attach = rec.inputs(rec.one(T.attach));
        assert.equal(attach.hostProject, "acme-host-prj");
        assert.equal(attach.serviceProject, "acme-orders-prj");
        assert.equal(rec.inputs(rec.one(T.folderSink, "bucket")).folder, "folders/22");
    });
});
