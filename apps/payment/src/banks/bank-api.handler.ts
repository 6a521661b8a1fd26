import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  type BankBatchLinesReply,
  BankBatchLinesRequest,
  type BankBatchListReply,
  type BankBatchReply,
  BankBatchRequest,
  BankListBatchesRequest,
  type BankPostResultsReply,
  BankPostResultsRequest,
  type BankStatementReply,
  BankStatementRequest,
  SUBJECTS,
} from '@app/contracts';

import { BankApiService } from './bank-api.service';

/** The bank-facing API as the gateway forwards it (with the request's signature material). */
@Controller()
export class BankApiHandler {
  constructor(private readonly api: BankApiService) {}

  @MessagePattern(SUBJECTS.payment.bankBatchList)
  list(@Payload() request: BankListBatchesRequest): Promise<BankBatchListReply> {
    return this.api.listBatches(request);
  }

  @MessagePattern(SUBJECTS.payment.bankBatchLines)
  lines(@Payload() request: BankBatchLinesRequest): Promise<BankBatchLinesReply> {
    return this.api.batchLines(request);
  }

  @MessagePattern(SUBJECTS.payment.bankBatchAcknowledge)
  acknowledge(@Payload() request: BankBatchRequest): Promise<BankBatchReply> {
    return this.api.acknowledge(request);
  }

  @MessagePattern(SUBJECTS.payment.bankResultsPost)
  results(@Payload() request: BankPostResultsRequest): Promise<BankPostResultsReply> {
    return this.api.postResults(request);
  }

  @MessagePattern(SUBJECTS.payment.bankStatement)
  statement(@Payload() request: BankStatementRequest): Promise<BankStatementReply> {
    return this.api.statement(request);
  }
}
