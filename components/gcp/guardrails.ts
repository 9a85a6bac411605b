import type { ResolvedConfig } from "../core/config/presets";
import { resourceLocationValues } from "./locations";
import { ORG_POLICY_RULES, type OrgPolicyRule } from "./org-policies";

/**
 * The organization policy set of Google's security foundations blueprint, on the landing-zone
 * folder: the platform's seven plus domain-restricted sharing and contacts, OS Login, no serial
 * port, no nested virtualization or guest attributes, the Shared VPC lien, resource locations,
 * Cloud SQL without authorized networks or public IP, no service account key upload, no external
 * IPv6, zonal internal DNS for new projects, and protocol forwarding to internal forwarding rules
 * only (terraform-example-foundation `1-org/envs/shared/org_policy.tf`).
 */
export function organizationPolicyRules(config: Pick<ResolvedConfig, "organization">): OrgPolicyRule[] {
    const org = config.organization;
    const contactDomains = [...new Set(org.securityContacts.map((email) => `@${email.split("@")[1] ?? ""}`))];
    const extra: OrgPolicyRule[] = [
        { constraint: "iam.allowedPolicyMemberDomains", kind: "allow", values: [...org.allowedCustomerIds], why: "IAM grants only to the organization's own identities (domain-restricted sharing)" },
        { constraint: "essentialcontacts.allowedContactDomains", kind: "allow", values: contactDomains, why: "notifications go to the organization's own domains only" },
        { constraint: "compute.requireOsLogin", kind: "boolean", why: "SSH access through IAM (OS Login), no project-wide SSH keys" },
        { constraint: "compute.disableSerialPortAccess", kind: "boolean", why: "no interactive serial console" },
        { constraint: "compute.disableNestedVirtualization", kind: "boolean", why: "no nested hypervisors escaping the VM's controls" },
        { constraint: "compute.disableGuestAttributesAccess", kind: "boolean", why: "guest attributes (VM-written metadata) not readable" },
        { constraint: "compute.disableVpcExternalIpv6", kind: "boolean", why: "no subnet with external IPv6 ranges (no internet-reachable IPv6 addresses)" },
        { constraint: "compute.setNewProjectDefaultToZonalDNSOnly", kind: "boolean", why: "new projects use zonal internal DNS (a zone's DNS outage stays in its zone)" },
        { constraint: "compute.restrictProtocolForwardingCreationForTypes", kind: "allow", values: ["INTERNAL"], why: "protocol forwarding (forwarding rules to target instances) internal only" },
        { constraint: "compute.restrictXpnProjectLienRemoval", kind: "boolean", why: "a Shared VPC host project cannot be deleted from under its service projects" },
        // The allowed regions with their zones, plus the multi-regions around them when an environment keeps geo-redundant data.
        { constraint: "gcp.resourceLocations", kind: "allow", values: resourceLocationValues(org), why: "data stays in the allowed regions (and their multi-region for geo-redundant data)" },
        { constraint: "sql.restrictAuthorizedNetworks", kind: "boolean", why: "Cloud SQL reachable through private networking only" },
        { constraint: "iam.disableServiceAccountKeyUpload", kind: "boolean", why: "no external key material for service accounts" },
    ];
    return [...ORG_POLICY_RULES, ...extra];
}
