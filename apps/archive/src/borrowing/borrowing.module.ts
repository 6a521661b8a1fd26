import { Module } from '@nestjs/common';

import { BorrowingHandler } from './borrowing.handler';
import { BorrowingService } from './borrowing.service';

@Module({
  controllers: [BorrowingHandler],
  providers: [BorrowingService],
})
export class BorrowingModule {}
