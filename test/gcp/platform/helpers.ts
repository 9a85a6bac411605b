import { readStackConfig } from "../../../tools/plan/stack-files";
import { planSample, Recorded, runStackConfig } from "../../harness";

export type GcpPlatformSample = "platform-gcp-prod" | "platform-gcp-dev";

/** A sample stack's `landing-zone:*` config as an object (to vary one key in a test). */
export function sampleConfig(stack: string): Record<string, any> {
    const { config } = readStackConfig(stack);
    return Object.fromEntries(Object.entries(config)
        .filter(([k]) => k.startsWith("landing-zone:"))
        .map(([k, v]) => [k.slice("landing-zone:".length), v.startsWith("{") || v.startsWith("[") ? JSON.parse(v) : v]));
}

/** The recorded resources of a sample gcp platform stack (preview by default). */
export async function sample(stack: GcpPlatformSample, preview = true): Promise<Recorded> {
    return new Recorded((await planSample(stack, { preview })).resources);
}

/** A sample stack with some top-level config blocks replaced. */
export async function variant(stack: GcpPlatformSample, overrides: Record<string, unknown>, preview = true): Promise<Recorded> {
    const result = await runStackConfig(stack, { ...sampleConfig(stack), ...overrides } as never, { preview });
    return new Recorded(result.resources);
}

/** The component (by type) a resource hangs under, following parents up the tree. */
export function ancestors(rec: Recorded, urn: string): string[] {
    const chain: string[] = [];
    let current = rec.byUrn(urn)?.parent;
    while (current) {
        const parent = rec.byUrn(current);
        if (!parent) break;
        chain.push(`${parent.type}::${parent.name}`);
        current = parent.parent;
    }
    return chain;
}

export const T = {
    folder: "gcp:organizations/folder:Folder",
    project: "gcp:organizations/project:Project",
    service: "gcp:projects/service:Service",
    agent: "gcp:projects/serviceIdentity:ServiceIdentity",
    policy: "gcp:orgpolicy/policy:Policy",
    network: "gcp:compute/network:Network",
    subnet: "gcp:compute/subnetwork:Subnetwork",
    firewall: "gcp:compute/firewall:Firewall",
    router: "gcp:compute/router:Router",
    nat: "gcp:compute/routerNat:RouterNat",
    address: "gcp:compute/globalAddress:GlobalAddress",
    psa: "gcp:servicenetworking/connection:Connection",
    host: "gcp:compute/sharedVPCHostProject:SharedVPCHostProject",
    attach: "gcp:compute/sharedVPCServiceProject:SharedVPCServiceProject",
    cluster: "gcp:container/cluster:Cluster",
    nodePool: "gcp:container/nodePool:NodePool",
    account: "gcp:serviceaccount/account:Account",
    projectIam: "gcp:projects/iAMMember:IAMMember",
    repository: "gcp:artifactregistry/repository:Repository",
    repositoryIam: "gcp:artifactregistry/repositoryIamMember:RepositoryIamMember",
    keyRing: "gcp:kms/keyRing:KeyRing",
    key: "gcp:kms/cryptoKey:CryptoKey",
    keyIam: "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember",
    logBucket: "gcp:logging/projectBucketConfig:ProjectBucketConfig",
    folderSink: "gcp:logging/folderSink:FolderSink",
    projectSink: "gcp:logging/projectSink:ProjectSink",
    bucket: "gcp:storage/bucket:Bucket",
    bucketIam: "gcp:storage/bucketIAMMember:BucketIAMMember",
    provider: "pulumi:providers:gcp",
    k8sProvider: "pulumi:providers:kubernetes",
} as const;
