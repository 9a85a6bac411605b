/**
 * Stand-in outputs of an AWS platform stack (wire form, all known), so the domain layer can be
 * exercised on every layout without planning the platform. Ids follow AWS's documented formats.
 */
export const FAKE_ACCOUNT = "123456789012";
export const FAKE_OIDC_URL = "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
export const FAKE_NODE_SG = "sg-0node0000000000001";
export const FAKE_CLUSTER_SG = "sg-0eks00000000000001";
export const FAKE_PRIVATE_SUBNETS = ["subnet-0prv000000000000a", "subnet-0prv000000000000b", "subnet-0prv000000000000c"];
export const FAKE_DATA_SUBNETS = ["subnet-0data00000000000a", "subnet-0data00000000000b", "subnet-0data00000000000c"];
export const FAKE_LOG_ARCHIVE = "acme-dev-log-archive-abc123";
export const FAKE_WORKLOAD_ROLE = "acme-dev-orders-workload";
export const FAKE_DEPLOY_ROLE = "acme-dev-orders-deploy";
export const FAKE_LOGS_KEY = `arn:aws:kms:eu-west-1:${FAKE_ACCOUNT}:key/11111111-2222-3333-4444-555555555555`;

export function fakePlatformOutputs(environment = "dev"): Record<string, unknown> {
    const zones = ["eu-west-1a", "eu-west-1b", "eu-west-1c"];
    return {
        layer: "platform",
        cloud: "aws",
        environment,
        hierarchy: { mode: "skip", rootId: "r-ab12", environmentId: "r-ab12", platformScope: FAKE_ACCOUNT, domainScopes: {} },
        network: {
            networkId: "vpc-0fake000000000001",
            cidr: "10.10.0.0/16",
            zones,
            subnetIds: {
                public: ["subnet-0pub000000000000a", "subnet-0pub000000000000b", "subnet-0pub000000000000c"],
                private: FAKE_PRIVATE_SUBNETS,
                data: FAKE_DATA_SUBNETS,
            },
            subnetCidrs: { public: ["10.10.0.0/24"], private: ["10.10.16.0/20"], data: ["10.10.64.0/24"] },
            natGatewayCount: 1,
            egressZoneRedundant: false,
        },
        cluster: {
            name: `acme-${environment}`,
            version: "1.34",
            endpoint: "https://EXAMPLE.gr7.eu-west-1.eks.amazonaws.com",
            kubeconfig: "apiVersion: v1\nkind: Config\n",
            oidcIssuer: FAKE_OIDC_URL,
            nodeZones: zones,
        },
        registry: { registryUrl: `${FAKE_ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com`, registryId: FAKE_ACCOUNT },
        keys: {
            keyIds: { data: FAKE_LOGS_KEY.replace("5555", "6666"), logs: FAKE_LOGS_KEY, cluster: FAKE_LOGS_KEY.replace("5555", "7777"), registry: FAKE_LOGS_KEY.replace("5555", "8888") },
            rotationDays: 365,
        },
        logging: {
            workspaceId: `arn:aws:logs:eu-west-1:${FAKE_ACCOUNT}:log-group:/acme/${environment}/platform`,
            archiveId: FAKE_LOG_ARCHIVE,
            retentionDays: 30,
        },
        domains: ["orders"],
        homes: {
            orders: {
                namespace: "orders",
                serviceAccountName: "workload",
                quota: "medium",
                workloadPrincipal: `arn:aws:iam::${FAKE_ACCOUNT}:role/${FAKE_WORKLOAD_ROLE}`,
                deployPrincipal: `arn:aws:iam::${FAKE_ACCOUNT}:role/${FAKE_DEPLOY_ROLE}`,
                workloadRoleName: FAKE_WORKLOAD_ROLE,
                deployRoleName: FAKE_DEPLOY_ROLE,
            },
        },
        extras: {
            accountId: FAKE_ACCOUNT,
            vpcId: "vpc-0fake000000000001",
            vpcCidr: "10.10.0.0/16",
            nodeSecurityGroupId: FAKE_NODE_SG,
            clusterSecurityGroupId: FAKE_CLUSTER_SG,
            logArchiveBucket: FAKE_LOG_ARCHIVE,
            domainRoleArns: {},
        },
    };
}
