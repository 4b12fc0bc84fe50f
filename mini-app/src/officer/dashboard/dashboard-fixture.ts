import type { DashboardResponse } from "@dvc/shared/api/dashboard";

/** A commune's week for the dashboard's UI tests: 8 received, 8 resolved (7 on time), one overdue. */
export function dashboardFixture(overrides: Partial<DashboardResponse> = {}): DashboardResponse {
  return {
    communeCode: "00292",
    from: "2026-12-01",
    to: "2026-12-07",
    asOf: "2026-12-07T03:00:00.000Z",
    summary: {
      received: 8,
      resolved: 8,
      resolvedEarly: 5,
      resolvedOnDueDay: 2,
      resolvedLate: 1,
      onTime: { count: 7, of: 8, rate: 0.875 },
      overdueNow: 1,
      online: { count: 6, of: 8, rate: 0.75 },
      selfSubmitted: { count: 5, of: 6, rate: 5 / 6 },
      averageWorkingDays: 3.5,
      unreachableMessages: 1,
    },
    procedures: [
      {
        procedureCode: "khai-sinh",
        procedureTitle: "Đăng ký khai sinh",
        received: 8,
        resolved: 8,
        resolvedEarly: 5,
        resolvedOnDueDay: 2,
        resolvedLate: 1,
        averageWorkingDays: 3.5,
        overdueNow: 1,
      },
    ],
    series: [
      { date: "2026-12-01", received: 3, resolved: 1 },
      { date: "2026-12-02", received: 5, resolved: 7 },
    ],
    unreachableByOutcome: [{ outcome: "failed", count: 1 }],
    overdue: [
      {
        code: "00292-AAAA-BBBB",
        communeCode: "00292",
        procedureCode: "khai-sinh",
        procedureTitle: "Đăng ký khai sinh",
        status: "processing",
        statusLabel: "Đang giải quyết",
        dueAt: "2026-12-03T10:00:00.000Z",
        workingDaysLate: 2,
      },
    ],
    unreachable: [
      {
        dossierCode: "00292-CCCC-DDDD",
        communeCode: "00292",
        procedureCode: "khai-sinh",
        status: "result_ready",
        outcome: "failed",
        createdAt: "2026-12-02T02:00:00.000Z",
      },
    ],
    ...overrides,
  };
}
