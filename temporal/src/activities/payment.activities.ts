import {
  type BuildBatchesReply,
  type GeneratePayrollReply,
  type PayrollStatementReply,
  type PlanPayrollReply,
  SUBJECTS,
} from '@app/contracts';
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

    async payrollStatement(input: { month: string }): Promise<PayrollStatementReply> {
      return callService(() => messaging.request(SUBJECTS.payment.payrollStatement, input, { timeoutMs: 60_000 }));
    },
  };
}
