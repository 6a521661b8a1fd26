import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  type AccountingRecordContentReply,
  type AccountingRecordReply,
  GetAccountingRecordContentRequest,
  FileAccountingRecordRequest,
  ListAccountingRecordsRequest,
  type ListAccountingRecordsReply,
  SUBJECTS,
} from '@app/contracts';

import { AccountingRecordsService } from './accounting-records.service';

@Controller()
export class AccountingRecordsHandler {
  constructor(private readonly records: AccountingRecordsService) {}

  @MessagePattern(SUBJECTS.archive.accountingRecordFile)
  file(@Payload() request: FileAccountingRecordRequest): Promise<AccountingRecordReply> {
    return this.records.file(request);
  }

  @MessagePattern(SUBJECTS.archive.accountingRecordGetContent)
  content(@Payload() request: GetAccountingRecordContentRequest): Promise<AccountingRecordContentReply> {
    return this.records.content(request.recordId, request.watermark);
  }

  @MessagePattern(SUBJECTS.archive.accountingRecordList)
  list(@Payload() request: ListAccountingRecordsRequest): Promise<ListAccountingRecordsReply> {
    return this.records.list(request);
  }
}
