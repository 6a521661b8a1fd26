import { Module } from '@nestjs/common';

import { TransferHandler } from './transfer.handler';
import { TransferService } from './transfer.service';

@Module({
  controllers: [TransferHandler],
  providers: [TransferService],
})
export class TransferModule {}
