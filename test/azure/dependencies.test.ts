/**
 * Pass outputs, not names: every Azure resource that names another resource of its stack must
 * depend on it, or the engine may create it first (a Redis access policy assignment before its
 * cache, a database before its server). Which inputs are names comes from the installed SDK: in
 * an azure-native `<Type>Args` the resource's own name is optional (the provider can auto-name it)
 * while the names of the resources it lives under or refers to are required.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { planSample, type RecordedResource } from "../harness";

const SDK = path.join(__dirname, "..", "..", "node_modules", "@pulumi", "azure-native");
const argsCache = new Map<string, { own: string[]; refs: string[] }>();
/** Optional `...Name` inputs that are data, not the resource's own name (an Entra principal's display name). */
const NOT_OWN_NAMES = new Set(["principalName"]);
/** Required `...Name` inputs that name something built in, not a resource (Redis's `default` access policy). */
const NOT_REFERENCES = new Set(["accessPolicyName"]);

/** Own-name keys (optional `...Name`) and name references (required `...Name`) of a type's Args. */
export function nameKeys(type: string): { own: string[]; refs: string[] } {
    if (!argsCache.has(type)) {
        const [, module, resource] = type.split(":");
        const file = path.join(SDK, module, `${resource[0].toLowerCase()}${resource.slice(1)}.d.ts`);
        const body = new RegExp(`export interface ${resource}Args \\{([\\s\\S]*?)\\n\\}`).exec(readFileSync(file, "utf8"))?.[1] ?? "";
        const own: string[] = [];
        const refs: string[] = [];
        for (const [, key, optional] of body.matchAll(/^ {4}(\w*[nN]ame)(\??): /gm)) {
            if (!optional) {
                if (!NOT_REFERENCES.has(key)) refs.push(key);
            }
            else if (!NOT_OWN_NAMES.has(key)) own.push(key);
        }
        argsCache.set(type, { own, refs });
    }
    return argsCache.get(type)!;
}

/** Every (resource, input key, named resource) where the resource does not (transitively) depend on the named one. */
export function missingDependencies(resources: RecordedResource[]): string[] {
    const azure = resources.filter((r) => r.custom && r.type.startsWith("azure-native:"));
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const owners = new Map<string, RecordedResource[]>();
    for (const r of azure) {
        for (const key of nameKeys(r.type).own) {
            const value = r.inputs[key];
            if (typeof value === "string") owners.set(value, [...(owners.get(value) ?? []), r]);
        }
    }
    const closure = (start: RecordedResource): Set<string> => {
        const seen = new Set<string>();
        const stack = [...start.dependencies];
        while (stack.length > 0) {
            const urn = stack.pop()!;
            if (seen.has(urn)) continue;
            seen.add(urn);
            stack.push(...(byUrn.get(urn)?.dependencies ?? []));
        }
        return seen;
    };
    const problems: string[] = [];
    for (const r of azure) {
        const deps = closure(r);
        for (const key of nameKeys(r.type).refs) {
            const value = r.inputs[key];
            if (typeof value !== "string") continue;
            for (const named of owners.get(value) ?? []) {
                if (named.urn !== r.urn && !deps.has(named.urn)) problems.push(`${r.name} (${r.type}) names ${named.name} in ${key} without depending on it`);
            }
        }
    }
    return problems;
}

describe("azure: a resource that names another resource of its stack depends on it", () => {
    it("reads own names and name references from the SDK's Args", () => {
        assert.deepEqual(nameKeys("azure-native:redisenterprise:Database"), { own: ["databaseName"], refs: ["clusterName", "resourceGroupName"] });
        assert.deepEqual(nameKeys("azure-native:redisenterprise:RedisEnterprise").own, ["clusterName"]);
        assert.deepEqual(nameKeys("azure-native:redisenterprise:AccessPolicyAssignment").refs, ["clusterName", "databaseName", "resourceGroupName"]);
        assert.deepEqual(nameKeys("azure-native:redis:AccessPolicyAssignment").refs, ["cacheName", "resourceGroupName"]);
    });

    it("finds a name passed as a plain string (the check can fail)", () => {
        const server = { urn: "urn:s", type: "azure-native:dbforpostgresql:Server", name: "pg", custom: true, inputs: { serverName: "acme-pg", resourceGroupName: "rg" }, dependencies: [] };
        const database = { urn: "urn:d", type: "azure-native:dbforpostgresql:Database", name: "pg-db", custom: true, inputs: { serverName: "acme-pg", resourceGroupName: "rg", databaseName: "orders" }, dependencies: [] };
        const found = missingDependencies([server, database] as unknown as RecordedResource[]);
        assert.deepEqual(found, ["pg-db (azure-native:dbforpostgresql:Database) names pg in serverName without depending on it"]);
        assert.deepEqual(missingDependencies([server, { ...database, dependencies: ["urn:s"] }] as unknown as RecordedResource[]), []);
    });

    for (const stack of ["platform-azure-dev", "platform-azure-prod", "orders-azure-dev", "orders-azure-prod"]) {
        it(stack, async () => {
            const plan = await planSample(stack);
            assert.deepEqual(missingDependencies(plan.resources), []);
        });
    }
});
