import { Module } from '@nestjs/common';

import { ArchiveStatisticsHandler } from './archive-statistics.handler';
import { ArchiveStatisticsService } from './archive-statistics.service';

@Module({
  controllers: [ArchiveStatisticsHandler],
  providers: [ArchiveStatisticsService],
})
export class ArchiveStatisticsModule {}
