import { Module } from '@nestjs/common';

import { LinesHandler } from './lines.handler';
import { LinesService } from './lines.service';
import { BanksModule } from '../banks/banks.module';

@Module({
  imports: [BanksModule],
  controllers: [LinesHandler],
  providers: [LinesService],
})
export class LinesModule {}
