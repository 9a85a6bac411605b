import { resourcePolicy } from "../lib/define";

/** NGINX snippet annotations inject configuration into the shared controller (CVE-2021-25742). */
export const policy = resourcePolicy({
    name: "disallow-ingress-snippets",
    description: "Ingresses must not carry snippet annotations (nginx.ingress.kubernetes.io/*-snippet).",
    metadata: {
        cloud: "kubernetes", service: "networking", severity: "high", topic: "security", principle: "pod-hardening",
        remediation: "remove the *-snippet annotation and use the controller's supported annotations (the controller runs with allow-snippet-annotations false)",
        checkov: ["CKV_K8S_152", "CKV_K8S_153", "CKV_K8S_154"],
        resourceTypes: ["kubernetes:networking.k8s.io/v1:Ingress"],
    },
    validate: (props, args, report) => {
        const annotations = (props.metadata?.annotations ?? {}) as Record<string, unknown>;
        for (const key of Object.keys(annotations).filter((k) => k.includes("snippet"))) report(`ingress ${props.metadata?.name ?? args.name} has annotation ${key}.`);
    },
});
