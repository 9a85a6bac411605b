import { resourcePolicy } from "../lib/define";

/** Images are scanned on push and a tag always names the same image. */
export const policy = resourcePolicy({
    name: "require-ecr-scanning-immutable-tags",
    description: "ECR repositories must scan images on push and have immutable tags.",
    metadata: {
        cloud: "aws", service: "ecr", severity: "high", topic: "security", principle: "registry-scanning-immutable-tags",
        remediation: "set imageScanningConfiguration.scanOnPush true and imageTagMutability IMMUTABLE",
        checkov: ["CKV_AWS_163", "CKV_AWS_51"],
        resourceTypes: ["aws:ecr/repository:Repository"],
    },
    validate: (props, _args, report) => {
        if (props.imageScanningConfiguration?.scanOnPush !== true) report("images are not scanned on push.");
        if (!["IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"].includes(props.imageTagMutability)) {
            report(`imageTagMutability is ${props.imageTagMutability ?? "unset (MUTABLE)"}.`);
        }
    },
});
