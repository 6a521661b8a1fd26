import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  type BuildBatchesReply,
  BuildBatchesRequest,
  type SealPayrollReply,
  SealPayrollRequest,
  type GeneratePayrollReply,
  GeneratePayrollRequest,
  type PayrollStatementReply,
  PayrollStatementRequest,
  type PlanPayrollReply,
  PlanPayrollRequest,
  type StartPayrollReply,
  StartPayrollRequest,
  SUBJECTS,
} from '@app/contracts';

import { PayrollService } from './payroll.service';

@Controller()
export class PayrollHandler {
  constructor(private readonly payroll: PayrollService) {}

  @MessagePattern(SUBJECTS.payment.payrollStart)
  start(@Payload() request: StartPayrollRequest): Promise<StartPayrollReply> {
    return this.payroll.start(request);
  }

  @MessagePattern(SUBJECTS.payment.payrollPlan)
  plan(@Payload() request: PlanPayrollRequest): Promise<PlanPayrollReply> {
    return this.payroll.plan(request);
  }

  @MessagePattern(SUBJECTS.payment.payrollGenerate)
  generate(@Payload() request: GeneratePayrollRequest): Promise<GeneratePayrollReply> {
    return this.payroll.generate(request);
  }

  @MessagePattern(SUBJECTS.payment.payrollSeal)
  seal(@Payload() request: SealPayrollRequest): Promise<SealPayrollReply> {
    return this.payroll.seal(request.month);
  }

  @MessagePattern(SUBJECTS.payment.payrollBuildBatches)
  buildBatches(@Payload() request: BuildBatchesRequest): Promise<BuildBatchesReply> {
    return this.payroll.buildBatches(request);
  }

  @MessagePattern(SUBJECTS.payment.payrollStatement)
  statement(@Payload() request: PayrollStatementRequest): Promise<PayrollStatementReply> {
    return this.payroll.statement(request.month);
  }
}
