import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  type LineReply,
  type ListLinesReply,
  ListLinesRequest,
  type PaymentHistoryReply,
  PaymentHistoryRequest,
  ReissueLineRequest,
  CancelLineRequest,
  SUBJECTS,
} from '@app/contracts';

import { LinesService } from './lines.service';

@Controller()
export class LinesHandler {
  constructor(private readonly lines: LinesService) {}

  @MessagePattern(SUBJECTS.payment.lineList)
  list(@Payload() request: ListLinesRequest): Promise<ListLinesReply> {
    return this.lines.list(request);
  }

  @MessagePattern(SUBJECTS.payment.lineReissue)
  reissue(@Payload() request: ReissueLineRequest): Promise<LineReply> {
    return this.lines.reissue(request);
  }

  @MessagePattern(SUBJECTS.payment.lineCancel)
  cancel(@Payload() request: CancelLineRequest): Promise<LineReply> {
    return this.lines.cancel(request);
  }

  @MessagePattern(SUBJECTS.payment.historyGet)
  history(@Payload() request: PaymentHistoryRequest): Promise<PaymentHistoryReply> {
    return this.lines.history(request);
  }
}
