import { resourcePolicy } from "../lib/define";
import { list } from "../lib/props";

/** Access key ids and secret keys in user data (what Checkov's AWS secret detector looks for). */
const AWS_SECRET = /(A3T[A-Z0-9]|AKIA|ASIA)[A-Z0-9]{16}|aws_secret_access_key\s*[=:]/i;

/** What user data says in text (base64 as the provider takes it, or plain). */
function userDataText(value: unknown): string {
    if (typeof value !== "string") return "";
    const decoded = /^[A-Za-z0-9+/=\s]+$/.test(value) ? Buffer.from(value, "base64").toString("utf8") : "";
    return `${value}\n${decoded}`;
}

/** Nodes take IMDSv2 only, one hop (pods cannot reach node credentials), no public IP and no keys in user data. */
export const policy = resourcePolicy({
    name: "configure-ec2-launch-templates",
    description: "Launch templates must require IMDSv2 with a response hop limit of 1, attach no public IP and carry no AWS credentials in user data.",
    metadata: {
        cloud: "aws", service: "ec2", severity: "high", topic: "security", principle: "cluster-hardening",
        remediation: "set metadataOptions { httpTokens: required, httpPutResponseHopLimit: 1 }, no networkInterfaces.associatePublicIpAddress, and give nodes an instance role instead of keys in userData",
        checkov: ["CKV_AWS_46", "CKV_AWS_79", "CKV_AWS_88", "CKV_AWS_341"],
        resourceTypes: ["aws:ec2/launchTemplate:LaunchTemplate"],
    },
    validate: (props, _args, report) => {
        const metadata = props.metadataOptions ?? {};
        if (metadata.httpEndpoint !== "disabled" && metadata.httpTokens !== "required") report("IMDSv1 is allowed (metadataOptions.httpTokens is not required).");
        const hops = metadata.httpPutResponseHopLimit;
        if (hops === undefined || hops > 1) report(`metadataOptions.httpPutResponseHopLimit is ${hops ?? "unset"}, needs 1.`);
        for (const nic of list(props.networkInterfaces)) if (String(nic.associatePublicIpAddress) === "true") report("a network interface associates a public IP.");
        if (AWS_SECRET.test(userDataText(props.userData))) report("userData contains AWS credentials.");
    },
});
