import { Module } from '@nestjs/common';

import { TemporalClientModule } from '@app/platform';

import { ChainsHandler } from './chains.handler';
import { ChainsService } from './chains.service';

/** Where each application's approval chain stands, from the chain itself. */
@Module({
  imports: [TemporalClientModule],
  controllers: [ChainsHandler],
  providers: [ChainsService],
})
export class ChainsModule {}
