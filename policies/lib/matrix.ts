import type { LandingZonePolicy, Principle } from "./metadata";
import { PRINCIPLES } from "./metadata";

export type MatrixColumn = "aws" | "azure" | "gcp" | "kubernetes";

/** The principles each column must cover: the cloud guide's cloud principles, and the Kubernetes ones. */
export const KUBERNETES_PRINCIPLES: Principle[] = ["namespace-baseline", "pod-hardening", "trusted-images", "workload-availability"];

export function columnsOf(principle: Principle): MatrixColumn[] {
    return KUBERNETES_PRINCIPLES.includes(principle) ? ["kubernetes"] : ["aws", "azure", "gcp"];
}

/** Cells with no rule, and why the principle does not apply there. */
export const NOT_APPLICABLE: { principle: Principle; column: MatrixColumn; reason: string }[] = [
    {
        principle: "regional-clusters", column: "aws",
        reason: "an EKS control plane always runs across three availability zones; there is no zonal EKS cluster to forbid",
    },
];

export interface MatrixCell {
    principle: Principle;
    column: MatrixColumn;
    policies: string[];
    notApplicable?: string;
}

function fills(policy: LandingZonePolicy, column: MatrixColumn): boolean {
    const { cloud, covers } = policy.metadata;
    if (cloud === column) return true;
    if (cloud !== "stack") return false;
    return column === "kubernetes" || (covers ?? []).some((c) => c === column);
}

/** Principles x columns with the policies that fill each cell. */
export function principleMatrix(policies: LandingZonePolicy[]): MatrixCell[] {
    const cells: MatrixCell[] = [];
    for (const principle of Object.keys(PRINCIPLES) as Principle[]) {
        for (const column of columnsOf(principle)) {
            const names = policies.filter((p) => p.metadata.principle === principle && fills(p, column))
                .map((p) => p.name);
            const na = NOT_APPLICABLE.find((n) => n.principle === principle && n.column === column);
            cells.push({ principle, column, policies: names, notApplicable: na?.reason });
        }
    }
    return cells;
}
