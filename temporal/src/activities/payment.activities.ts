import {
  type BuildBatchesReply,
  type GeneratePayrollReply,
  type PayrollStatementReply,
  type PlanPayrollReply,
  type RosterCommunitiesReply,
  SUBJECTS,
} from '@app/contracts';
import { canonicalJson, sha256Hex, statisticsPeriodsClosedBy } from '@app/domain';
import type { MessagingClient } from '@app/platform';

import { callService } from './call-service';

/** The payroll's steps, each one set-based call to the payment service (idempotent, so retries are safe). */
export function createPaymentActivities(messaging: MessagingClient) {
  return {
    async planPayroll(input: { month: string; batchSize?: number }): Promise<PlanPayrollReply> {
      return callService(() => messaging.request(SUBJECTS.payment.payrollPlan, input, { timeoutMs: 120_000 }));
    },

    async generatePayrollChunk(input: {
      month: string;
      chunk: number;
      chunks: number;
      batchesPerBank?: Record<string, number>;
    }): Promise<GeneratePayrollReply> {
      return callService(() => messaging.request(SUBJECTS.payment.payrollGenerate, input, { timeoutMs: 120_000 }));
    },

    async buildPayrollBatches(input: { month: string; batchSize?: number }): Promise<BuildBatchesReply> {
      return callService(() => messaging.request(SUBJECTS.payment.payrollBuildBatches, input, { timeoutMs: 120_000 }));
    },

    async listRosterCommunities(input: { month: string }): Promise<RosterCommunitiesReply> {
      return callService(() => messaging.request(SUBJECTS.payment.rosterCommunities, input, { timeoutMs: 60_000 }));
    },

    /**
     * Files the month's roster (发放花名册) of each community as an accounting record. The key carries a hash of
     * the lines: the same roster again is the same record; a later version (after re-issues) is a new one.
     */
    async fileRosters(input: {
      month: string;
      divisionCodes: string[];
      workflowId: string;
    }): Promise<{ filed: number }> {
      let filed = 0;
      for (const divisionCode of input.divisionCodes) {
        const roster = await callService(() =>
          messaging.request(SUBJECTS.payment.rosterGet, { month: input.month, divisionCode }, { timeoutMs: 60_000 }),
        );
        if (roster.lines.length === 0) {
          continue;
        }
        const version = sha256Hex(canonicalJson(roster.lines)).slice(0, 16);
        await callService(() =>
          messaging.request(
            SUBJECTS.archive.accountingRecordFile,
            {
              idempotencyKey: `roster-${input.month}-${divisionCode}-${version}`,
              recordType: 'PAYMENT_ROSTER',
              divisionCode,
              period: input.month,
              workflowId: input.workflowId,
              step: 'payment-roster',
              createdBy: 'system',
              lines: roster.lines,
            },
            { timeoutMs: 120_000 },
          ),
        );
        filed += 1;
      }
      return { filed };
    },

    /**
     * Files each county's statistics report of the month (统计月报), and of the quarter and the year when the month
     * closes one (季报, 年报), as administrative records. Keyed like the rosters: the same figures, the same record.
     */
    async fileStatisticsReports(input: { month: string; workflowId: string }): Promise<{ filed: number }> {
      let filed = 0;
      for (const { recordType, period } of statisticsPeriodsClosedBy(input.month)) {
        const report = await callService(() =>
          messaging.request(SUBJECTS.payment.statisticsGet, { recordType, period }, { timeoutMs: 120_000 }),
        );
        for (const { countyCode, rows } of report.counties) {
          const version = sha256Hex(canonicalJson(rows)).slice(0, 16);
          await callService(() =>
            messaging.request(
              SUBJECTS.archive.accountingRecordFile,
              {
                idempotencyKey: `statistics-${recordType}-${period}-${countyCode}-${version}`,
                recordType,
                divisionCode: countyCode,
                period,
                workflowId: input.workflowId,
                step: 'statistics-report',
                createdBy: 'system',
                rows,
              },
              { timeoutMs: 120_000 },
            ),
          );
          filed += 1;
        }
      }
      return { filed };
    },

    async payrollStatement(input: { month: string }): Promise<PayrollStatementReply> {
      return callService(() => messaging.request(SUBJECTS.payment.payrollStatement, input, { timeoutMs: 60_000 }));
    },
  };
}
