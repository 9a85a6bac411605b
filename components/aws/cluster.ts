import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EKS_ADDONS, eksAddonVersions, type EksAddon } from "../core/config/eks-addons";
import type { ClusterOutputs, StackContext } from "../core/contracts";
import { childName } from "../core/naming";
import { sizeFor } from "../core/sizes";
import { execKubeconfig } from "../kubernetes/kubeconfig";
import { clusterProvider } from "../kubernetes/provider";
import type { AwsAccount } from "./provider";
import { arnKey, serviceTrustPolicy } from "./iam";
import { nodeRoleName } from "./image-pull";

/** Every EKS control-plane log type. */
export const CONTROL_PLANE_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;

/** Managed add-ons, in install order (coredns and the EBS CSI driver need nodes). */
export const MANAGED_ADDONS = EKS_ADDONS;

export interface AwsClusterArgs {
    ctx: StackContext;
    account: AwsAccount;
    vpcId: pulumi.Input<string>;
    /** Private subnets (one per zone): control-plane ENIs and nodes. */
    privateSubnetIds: pulumi.Input<string>[];
    zones: string[];
    /** KMS key (ARN) for secrets envelope encryption and the nodes' volumes. */
    clusterKeyArn: pulumi.Input<string>;
    /** KMS key (ARN) of the control-plane log group. */
    logsKeyArn: pulumi.Input<string>;
}

export interface AwsClusterResult {
    cluster: aws.eks.Cluster;
    nodeGroup: aws.eks.NodeGroup;
    launchTemplate: aws.ec2.LaunchTemplate;
    nodeSecurityGroup: aws.ec2.SecurityGroup;
    oidcProvider: aws.iam.OpenIdConnectProvider;
    /** OIDC issuer host and path (no `https://`), as IAM trust conditions spell it. */
    oidcProviderUrl: pulumi.Output<string>;
    outputs: ClusterOutputs;
}

function managedPolicy(account: AwsAccount, policy: string): string {
    return `arn:${account.partition}:iam::aws:policy/${policy}`;
}

/** An IAM role with managed policies attached; returns the role and the attachments (to depend on). */
function roleWithPolicies(name: string, parent: pulumi.Resource, args: {
    roleName: string; description: string; trust: pulumi.Input<string>; policies: string[];
}) {
    const role = new aws.iam.Role(name, {
        name: args.roleName,
        description: args.description,
        assumeRolePolicy: args.trust,
    }, { parent });
    const attachments = args.policies.map((policyArn) => new aws.iam.RolePolicyAttachment(childName(name, policyArn.split("/").pop()!), {
        role: role.name,
        policyArn,
    }, { parent }));
    return { role, attachments };
}

/** Trust for an IRSA role: only `system:serviceaccount:<namespace>:<name>` tokens of this cluster's issuer. */
export function irsaTrust(oidcProviderArn: pulumi.Input<string>, oidcProviderUrl: pulumi.Input<string>, namespace: string, serviceAccount: string) {
    return pulumi.all([oidcProviderArn, oidcProviderUrl]).apply(([arn, url]) => JSON.stringify({
        Version: "2012-10-17",
        Statement: [{
            Effect: "Allow",
            Principal: { Federated: arn },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: {
                StringEquals: {
                    [`${url}:sub`]: `system:serviceaccount:${namespace}:${serviceAccount}`,
                    [`${url}:aud`]: "sts.amazonaws.com",
                },
            },
        }],
    }));
}

/** The kubeconfig of the cluster: the `aws eks get-token` exec plugin, no static credential. */
export function eksKubeconfig(clusterName: pulumi.Input<string>, endpoint: pulumi.Input<string>, caData: pulumi.Input<string>, region: string) {
    return execKubeconfig(clusterName, endpoint, caData, {
        command: "aws",
        args: ["eks", "get-token", "--cluster-name", clusterName, "--region", region, "--output", "json"],
    });
}

/**
 * EKS: the cluster in the private subnets (API endpoint private unless `cluster.apiAllowedCidrs`
 * lists CIDRs), secrets encrypted with the cluster key, every control-plane log type into a
 * KMS-encrypted log group, API authentication mode with access entries for `aws.clusterAdminArns`,
 * the IAM OIDC provider (IRSA), a managed node group across the private subnets behind a launch
 * template enforcing IMDSv2, managed add-ons (vpc-cni with network policies, kube-proxy, coredns,
 * EBS CSI, Pod Identity agent; CNI and CSI on IRSA roles; each add-on at a pinned version), the
 * pinned Kubernetes version, and a Kubernetes provider.
 */
export function createCluster(name: string, parent: pulumi.Resource, args: AwsClusterArgs): AwsClusterResult {
    const { ctx, account } = args;
    const cfg = ctx.config.cluster;
    const prod = ctx.config.environment === "prod";
    const clusterName = ctx.naming.physical("aws.eksCluster");
    const admins = ctx.config.aws.clusterAdminArns ?? [];
    const publicCidrs = cfg.apiAllowedCidrs;

    const clusterRole = roleWithPolicies(childName(name, "role"), parent, {
        roleName: ctx.naming.physical("aws.iamRole", "eks-cluster"),
        description: "EKS control plane",
        trust: serviceTrustPolicy("eks.amazonaws.com"),
        policies: [managedPolicy(account, "AmazonEKSClusterPolicy")],
    });

    // EKS writes control-plane logs here; created first so it is encrypted and has a retention.
    const controlPlaneLogs = new aws.cloudwatch.LogGroup(childName(name, "control-plane-logs"), {
        name: `/aws/eks/${clusterName}/cluster`,
        retentionInDays: ctx.config.logging.retentionDays,
        kmsKeyId: args.logsKeyArn,
        deletionProtectionEnabled: prod,
    }, { parent, protect: ctx.config.protectStateful });

    const cluster = new aws.eks.Cluster(childName(name, "eks"), {
        name: clusterName,
        version: cfg.version,
        roleArn: clusterRole.role.arn,
        vpcConfig: {
            subnetIds: args.privateSubnetIds,
            endpointPrivateAccess: true,
            endpointPublicAccess: publicCidrs.length > 0,
            publicAccessCidrs: publicCidrs.length > 0 ? publicCidrs : undefined,
        },
        accessConfig: {
            authenticationMode: "API",
            // Constant: the flag is ForceNew, so it must never follow config. Admins come from
            // aws.clusterAdminArns (config validation requires at least one) as access entries.
            bootstrapClusterCreatorAdminPermissions: false,
        },
        encryptionConfig: { provider: { keyArn: args.clusterKeyArn }, resources: ["secrets"] },
        enabledClusterLogTypes: [...CONTROL_PLANE_LOG_TYPES],
        bootstrapSelfManagedAddons: false,
        upgradePolicy: { supportType: "STANDARD" },
        // Prod: traffic can be shifted away from an impaired zone (Route 53 ARC zonal shift).
        zonalShiftConfig: { enabled: prod },
        deletionProtection: prod,
    }, { parent, dependsOn: [controlPlaneLogs, ...clusterRole.attachments] });

    for (const principalArn of admins) {
        // Keyed by the principal (not its position), so reordering the list replaces nothing.
        const key = arnKey(principalArn);
        const entry = new aws.eks.AccessEntry(childName(name, "admin", key), {
            clusterName: cluster.name,
            principalArn,
            type: "STANDARD",
        }, { parent });
        new aws.eks.AccessPolicyAssociation(childName(name, "admin", key, "policy"), {
            clusterName: cluster.name,
            principalArn,
            policyArn: `arn:${account.partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy`,
            accessScope: { type: "cluster" },
        }, { parent, dependsOn: [entry] });
    }

    const issuer = cluster.identities.apply((ids) => ids?.[0]?.oidcs?.[0]?.issuer ?? "");
    const oidcProvider = new aws.iam.OpenIdConnectProvider(childName(name, "oidc"), {
        url: issuer,
        clientIdLists: ["sts.amazonaws.com"],
    }, { parent });
    const oidcProviderUrl = issuer.apply((url) => url.replace(/^https:\/\//, ""));

    const cniRole = roleWithPolicies(childName(name, "vpc-cni-role"), parent, {
        roleName: ctx.naming.physical("aws.iamRole", "eks-vpc-cni"),
        description: "EKS VPC CNI (IRSA: kube-system/aws-node)",
        trust: irsaTrust(oidcProvider.arn, oidcProviderUrl, "kube-system", "aws-node"),
        policies: [managedPolicy(account, "AmazonEKS_CNI_Policy")],
    });
    const ebsRole = roleWithPolicies(childName(name, "ebs-csi-role"), parent, {
        roleName: ctx.naming.physical("aws.iamRole", "eks-ebs-csi"),
        description: "EKS EBS CSI driver (IRSA: kube-system/ebs-csi-controller-sa)",
        trust: irsaTrust(oidcProvider.arn, oidcProviderUrl, "kube-system", "ebs-csi-controller-sa"),
        policies: [managedPolicy(account, "service-role/AmazonEBSCSIDriverPolicy")],
    });
    const nodeRole = roleWithPolicies(childName(name, "node-role"), parent, {
        // A naming contract: a domain in its own account admits this role to its image repository.
        roleName: nodeRoleName(ctx.naming),
        description: "EKS managed node group instances",
        trust: serviceTrustPolicy("ec2.amazonaws.com"),
        policies: ["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly", "AmazonSSMManagedInstanceCore"]
            .map((p) => managedPolicy(account, p)),
    });

    // The nodes' own group (besides the cluster group EKS manages): databases and caches admit it.
    const nodeSecurityGroup = new aws.ec2.SecurityGroup(childName(name, "node-sg"), {
        name: ctx.naming.physical("aws.generic", "eks-nodes"),
        vpcId: args.vpcId,
        description: "EKS worker nodes: data services admit this group",
        tags: { Name: ctx.naming.physical("aws.generic", "eks-nodes") },
    }, { parent });

    const launchTemplate = new aws.ec2.LaunchTemplate(childName(name, "node-template"), {
        name: ctx.naming.physical("aws.generic", "eks-nodes"),
        description: "EKS nodes: IMDSv2 only, encrypted root volume",
        updateDefaultVersion: true,
        metadataOptions: {
            httpEndpoint: "enabled",
            httpTokens: "required",
            // One hop: pods cannot reach the node's credentials (they use IRSA).
            httpPutResponseHopLimit: 1,
            instanceMetadataTags: "disabled",
        },
        blockDeviceMappings: [{
            deviceName: "/dev/xvda",
            // The platform's cluster key, not the AWS-managed EBS key (its key policy admits Auto Scaling).
            ebs: { volumeSize: 50, volumeType: "gp3", encrypted: "true", kmsKeyId: args.clusterKeyArn, deleteOnTermination: "true" },
        }],
        vpcSecurityGroupIds: pulumi.all([cluster.vpcConfig, nodeSecurityGroup.id])
            .apply(([vpc, nodeSg]) => [vpc?.clusterSecurityGroupId, nodeSg].filter((id): id is string => !!id)),
        monitoring: { enabled: true },
        // Default tags reach the template, not what the group launches: tag instances and volumes too.
        tagSpecifications: ["instance", "volume", "network-interface"].map((resourceType) => ({ resourceType, tags: { ...ctx.tags } })),
    }, { parent });

    // Every add-on pinned: the table's row for cluster.version, or the stack's aws.eksAddonVersions.
    // A version changes only with a commit or a config change, never between two previews.
    const versions = eksAddonVersions(cfg.version, ctx.config.aws.eksAddonVersions);
    const addon = (addonName: EksAddon, extra: Partial<aws.eks.AddonArgs>, dependsOn: pulumi.Resource[] = []) =>
        new aws.eks.Addon(childName(name, addonName), {
            clusterName: cluster.name,
            addonName,
            addonVersion: versions[addonName],
            // This program is the add-on's source of truth (settings only through configurationValues):
            // a version change resets fields edited in the cluster to EKS defaults + configurationValues,
            // so the result of an update does not depend on what someone changed with kubectl.
            resolveConflictsOnCreate: "OVERWRITE",
            resolveConflictsOnUpdate: "OVERWRITE",
            ...extra,
        }, { parent, dependsOn });
    const vpcCni = addon("vpc-cni", {
        serviceAccountRoleArn: cniRole.role.arn,
        // NetworkPolicies (the namespace baseline's default deny) are enforced only with this on.
        configurationValues: JSON.stringify({ enableNetworkPolicy: "true" }),
    }, cniRole.attachments);
    const kubeProxy = addon("kube-proxy", {});

    const nodes = cfg.nodes;
    const nodeGroup = new aws.eks.NodeGroup(childName(name, "nodes"), {
        clusterName: cluster.name,
        nodeGroupName: ctx.naming.physical("aws.generic", "general"),
        nodeRoleArn: nodeRole.role.arn,
        subnetIds: args.privateSubnetIds,
        version: cfg.version,
        amiType: "AL2023_x86_64_STANDARD",
        capacityType: "ON_DEMAND",
        instanceTypes: [sizeFor("aws", nodes.size).node],
        scalingConfig: { minSize: nodes.min, maxSize: nodes.max, desiredSize: nodes.desired },
        updateConfig: { maxUnavailable: 1 },
        nodeRepairConfig: { enabled: true },
        launchTemplate: { id: launchTemplate.id, version: launchTemplate.latestVersion.apply(String) },
        labels: { "landing-zone/pool": "general" },
    }, {
        parent,
        dependsOn: [...nodeRole.attachments, vpcCni, kubeProxy],
        // The cluster autoscaler owns the current size between min and max.
        ignoreChanges: ["scalingConfig.desiredSize"],
    });
    addon("coredns", {}, [nodeGroup]);
    addon("aws-ebs-csi-driver", { serviceAccountRoleArn: ebsRole.role.arn }, [nodeGroup, ...ebsRole.attachments]);
    // Domain workloads get their AWS role through EKS Pod Identity (associations the platform makes).
    addon("eks-pod-identity-agent", {}, [nodeGroup]);

    const kubeconfig = pulumi.secret(eksKubeconfig(
        cluster.name, cluster.endpoint, cluster.certificateAuthority.apply((ca) => ca?.data ?? ""), account.region));
    const provider = clusterProvider(childName(name, "k8s"), kubeconfig, { parent, dependsOn: [nodeGroup] });

    return {
        cluster, nodeGroup, launchTemplate, nodeSecurityGroup, oidcProvider, oidcProviderUrl,
        outputs: {
            name: cluster.name,
            version: cfg.version,
            endpoint: cluster.endpoint,
            kubeconfig,
            oidcIssuer: issuer,
            nodeZones: args.zones,
            provider,
        },
    };
}

/** The EKS cluster (`landing-zone:aws:Cluster`). */
export class AwsCluster extends pulumi.ComponentResource {
    readonly result: AwsClusterResult;

    constructor(name: string, args: AwsClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:Cluster", name, {}, opts);
        this.result = createCluster(name, this, args);
        const { name: clusterName, endpoint, kubeconfig, oidcIssuer } = this.result.outputs;
        this.registerOutputs({ name: clusterName, endpoint, kubeconfig, oidcIssuer });
    }
}
