import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  CreateRecoveryRequest,
  GetRecoveryRequest,
  type ListRecoveriesReply,
  ListRecoveriesRequest,
  RecordRepaymentRequest,
  type RecoveryReply,
  SUBJECTS,
} from '@app/contracts';

import { RecoveriesService } from './recoveries.service';

@Controller()
export class RecoveriesHandler {
  constructor(private readonly recoveries: RecoveriesService) {}

  @MessagePattern(SUBJECTS.payment.recoveryCreate)
  create(@Payload() request: CreateRecoveryRequest): Promise<RecoveryReply> {
    return this.recoveries.create(request);
  }

  @MessagePattern(SUBJECTS.payment.recoveryRepay)
  repay(@Payload() request: RecordRepaymentRequest): Promise<RecoveryReply> {
    return this.recoveries.repay(request);
  }

  @MessagePattern(SUBJECTS.payment.recoveryGet)
  get(@Payload() request: GetRecoveryRequest): Promise<RecoveryReply> {
    return this.recoveries.get(request);
  }

  @MessagePattern(SUBJECTS.payment.recoveryList)
  list(@Payload() request: ListRecoveriesRequest): Promise<ListRecoveriesReply> {
    return this.recoveries.list(request);
  }
}
