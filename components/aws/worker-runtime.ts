import type { WorkerRuntime } from "../core/config/types";

/** Lambda runtime identifiers of the worker's runtimes (zip packages). */
export const LAMBDA_RUNTIMES: Record<WorkerRuntime, string> = {
    nodejs22: "nodejs22.x",
    nodejs24: "nodejs24.x",
    "python3.12": "python3.12",
    "python3.13": "python3.13",
    java21: "java21",
};

export function lambdaRuntime(runtime: WorkerRuntime): string {
    return LAMBDA_RUNTIMES[runtime];
}

/**
 * A 5-field cron (`minute hour day-of-month month day-of-week`) as an EventBridge Scheduler
 * expression: six fields with a year, and `?` in one of the two day fields (Scheduler wants exactly one).
 */
export function schedulerCron(cron: string): string {
    const [minute, hour, dayOfMonth, month, cronDayOfWeek] = cron.trim().split(/\s+/);
    // cron counts Sunday as 0 (or 7), Scheduler as 1.
    const dayOfWeek = cronDayOfWeek.replace(/\d+/g, (n) => String((Number(n) % 7) + 1));
    const days = dayOfWeek === "*" ? [dayOfMonth, "?"] : [dayOfMonth === "*" ? "?" : dayOfMonth, dayOfWeek];
    return `cron(${minute} ${hour} ${days[0]} ${month} ${days[1]} *)`;
}
