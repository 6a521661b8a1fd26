import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  type BorrowReply,
  DecideBorrowRequest,
  ListBorrowRequestsRequest,
  type ListBorrowRequestsReply,
  RequestBorrowRequest,
  SUBJECTS,
} from '@app/contracts';

import { BorrowingService } from './borrowing.service';

@Controller()
export class BorrowingHandler {
  constructor(private readonly borrowing: BorrowingService) {}

  @MessagePattern(SUBJECTS.archive.borrowRequest)
  request(@Payload() request: RequestBorrowRequest): Promise<BorrowReply> {
    return this.borrowing.request(request);
  }

  @MessagePattern(SUBJECTS.archive.borrowDecide)
  decide(@Payload() request: DecideBorrowRequest): Promise<BorrowReply> {
    return this.borrowing.decide(request);
  }

  @MessagePattern(SUBJECTS.archive.borrowList)
  list(@Payload() request: ListBorrowRequestsRequest): Promise<ListBorrowRequestsReply> {
    return this.borrowing.list(request);
  }
}
