import { Module } from '@nestjs/common';

import { RostersHandler } from './rosters.handler';
import { RostersService } from './rosters.service';

@Module({
  controllers: [RostersHandler],
  providers: [RostersService],
})
export class RostersModule {}
