import { Module } from '@nestjs/common';

import { DivisionsHandler } from './divisions.handler';
import { DivisionsService } from './divisions.service';

@Module({
  controllers: [DivisionsHandler],
  providers: [DivisionsService],
  exports: [DivisionsService],
})
export class DivisionsModule {}
