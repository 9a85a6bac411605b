import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ResolvedConfig } from "../core/config/presets";
import { childName } from "../core/naming";
import { arnKey } from "./iam";

/** EKS access policies of the personas (AWS-managed, `arn:<partition>:eks::aws:cluster-access-policy/<name>`). */
export const PERSONA_POLICIES = {
    domainAdmin: "AmazonEKSAdminPolicy",
    domainReader: "AmazonEKSViewPolicy",
    auditor: "AmazonEKSViewPolicy",
} as const;

/** One access policy of one principal: cluster-wide, or in the listed namespaces. */
export interface PersonaGrant {
    principalArn: string;
    policy: string;
    scope: { type: "cluster" } | { type: "namespace"; namespaces: string[] };
}

/**
 * The EKS access of the personas from config: each domain's `admins` get AmazonEKSAdminPolicy and
 * its `readers` AmazonEKSViewPolicy in that domain's namespace only; `auditors` get
 * AmazonEKSViewPolicy cluster-wide. A principal has one access entry per cluster, so grants are
 * merged per principal and policy (namespaces joined; cluster scope wins). Platform admins
 * (`aws.clusterAdminArns`) have their own entry with cluster admin and are left out here.
 */
export function personaGrants(cfg: Pick<ResolvedConfig, "domains" | "auditors" | "aws">): PersonaGrant[] {
    const admins = new Set(cfg.aws.clusterAdminArns ?? []);
    const byKey = new Map<string, PersonaGrant>();
    const add = (principalArn: string, policy: string, namespace?: string) => {
        if (admins.has(principalArn)) return;
        const key = `${principalArn}|${policy}`;
        const current = byKey.get(key);
        if (!namespace) {
            byKey.set(key, { principalArn, policy, scope: { type: "cluster" } });
        } else if (!current) {
            byKey.set(key, { principalArn, policy, scope: { type: "namespace", namespaces: [namespace] } });
        } else if (current.scope.type === "namespace" && !current.scope.namespaces.includes(namespace)) {
            current.scope.namespaces = [...current.scope.namespaces, namespace].sort();
        }
    };
    for (const arn of cfg.auditors) add(arn, PERSONA_POLICIES.auditor);
    for (const [domain, registration] of Object.entries(cfg.domains)) {
        for (const arn of registration.admins) add(arn, PERSONA_POLICIES.domainAdmin, domain);
        for (const arn of registration.readers) add(arn, PERSONA_POLICIES.domainReader, domain);
    }
    return [...byKey.values()].sort((a, b) => `${a.principalArn}|${a.policy}`.localeCompare(`${b.principalArn}|${b.policy}`));
}

export interface PersonaAccessArgs {
    config: ResolvedConfig;
    clusterName: pulumi.Input<string>;
    partition: string;
    /** What the grants wait for (the domains' namespaces). */
    dependsOn?: pulumi.Input<pulumi.Resource>[];
}

/** The personas' EKS access entries and namespace- or cluster-scoped access policies. */
export function createPersonaAccess(name: string, parent: pulumi.Resource, args: PersonaAccessArgs): aws.eks.AccessPolicyAssociation[] {
    const grants = personaGrants(args.config);
    const entries = new Map<string, aws.eks.AccessEntry>();
    for (const arn of new Set(grants.map((g) => g.principalArn))) {
        entries.set(arn, new aws.eks.AccessEntry(childName(name, arnKey(arn)), {
            clusterName: args.clusterName,
            principalArn: arn,
            type: "STANDARD",
        }, { parent }));
    }
    return grants.map((grant) => new aws.eks.AccessPolicyAssociation(childName(name, arnKey(grant.principalArn), grant.policy), {
        clusterName: args.clusterName,
        principalArn: grant.principalArn,
        policyArn: `arn:${args.partition}:eks::aws:cluster-access-policy/${grant.policy}`,
        accessScope: grant.scope,
    }, { parent, dependsOn: [entries.get(grant.principalArn)!, ...(args.dependsOn ?? [])] }));
}

/** The personas' access to the platform cluster (`landing-zone:aws:PersonaAccess`). */
export class PersonaAccess extends pulumi.ComponentResource {
    constructor(name: string, args: PersonaAccessArgs, opts?: pulumi.ComponentResourceOptions) {
        super("landing-zone:aws:PersonaAccess", name, {}, opts);
        createPersonaAccess(name, this, args);
        this.registerOutputs({});
    }
}
