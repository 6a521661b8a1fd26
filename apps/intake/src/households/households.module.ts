import { Module } from '@nestjs/common';

import { HouseholdsHandler } from './households.handler';
import { HouseholdsService } from './households.service';
import { DivisionsModule } from '../divisions/divisions.module';

@Module({
  imports: [DivisionsModule],
  controllers: [HouseholdsHandler],
  providers: [HouseholdsService],
  exports: [HouseholdsService],
})
export class HouseholdsModule {}
