import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  GetPaymentStatisticsRequest,
  type PaymentStatisticsReply,
  GetRosterRequest,
  ListRecipientsRequest,
  type RecipientsReply,
  type RosterCommunitiesReply,
  RosterCommunitiesRequest,
  type RosterReply,
  SUBJECTS,
} from '@app/contracts';

import { RostersService } from './rosters.service';

@Controller()
export class RostersHandler {
  constructor(private readonly rosters: RostersService) {}

  @MessagePattern(SUBJECTS.payment.rosterCommunities)
  communities(@Payload() request: RosterCommunitiesRequest): Promise<RosterCommunitiesReply> {
    return this.rosters.communities(request.month);
  }

  @MessagePattern(SUBJECTS.payment.statisticsGet)
  statistics(@Payload() request: GetPaymentStatisticsRequest): Promise<PaymentStatisticsReply> {
    return this.rosters.statistics(request);
  }

  @MessagePattern(SUBJECTS.payment.rosterGet)
  roster(@Payload() request: GetRosterRequest): Promise<RosterReply> {
    return this.rosters.roster(request.month, request.divisionCode);
  }

  @MessagePattern(SUBJECTS.payment.recipientList)
  recipients(@Payload() request: ListRecipientsRequest): Promise<RecipientsReply> {
    return this.rosters.recipients(request.month, request.divisionCode);
  }
}
