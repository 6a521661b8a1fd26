import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import { ArchiveStatisticsRequest, type ArchiveStatisticsReply, SUBJECTS } from '@app/contracts';

import { ArchiveStatisticsService } from './archive-statistics.service';

@Controller()
export class ArchiveStatisticsHandler {
  constructor(private readonly statistics: ArchiveStatisticsService) {}

  @MessagePattern(SUBJECTS.archive.statisticsGet)
  get(@Payload() request: ArchiveStatisticsRequest): Promise<ArchiveStatisticsReply> {
    return this.statistics.get(request.divisionCode);
  }
}
