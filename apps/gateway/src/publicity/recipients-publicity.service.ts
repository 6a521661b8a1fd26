import { Injectable } from '@nestjs/common';

import { type HouseholdPublicityReply, SUBJECTS } from '@app/contracts';
import { MessagingClient } from '@app/platform';

import type { RecipientsPublicityReply } from './recipients-publicity.types';

/**
 * The long-term publication of a community's recipients: payment answers who is paid for the month and how much,
 * the registry how many members each household has and which may not be published. Each answers in the caller's
 * scope.
 */
/** What the registry answers for at most in one request (`HouseholdPublicityRequest`). */
const FACTS_PER_REQUEST = 5000;

@Injectable()
export class RecipientsPublicityService {
  constructor(private readonly messaging: MessagingClient) {}

  async compose(divisionCode: string, month: string): Promise<RecipientsPublicityReply> {
    const { recipients } = await this.messaging.request(SUBJECTS.payment.recipientList, { divisionCode, month });
    const [division, publicity] = await Promise.all([
      this.messaging.request(SUBJECTS.intake.divisionGet, { code: divisionCode }),
      this.householdFacts(recipients.map((recipient) => recipient.householdId)),
    ]);
    const facts = new Map(publicity.map((item) => [item.householdId, item]));
    const households = recipients.flatMap((recipient) => {
      const fact = facts.get(recipient.householdId);
      return fact && !fact.confidential
        ? [
            {
              householdId: recipient.householdId,
              headName: recipient.headName,
              memberCount: fact.memberCount,
              amountFen: recipient.amountFen,
            },
          ]
        : [];
    });
    return {
      divisionCode,
      divisionName: division.name,
      month,
      households,
      totals: {
        households: households.length,
        members: households.reduce((sum, household) => sum + household.memberCount, 0),
        amountFen: households.reduce((sum, household) => sum + household.amountFen, 0),
      },
      withheld: recipients.length - households.length,
    };
  }

  private async householdFacts(householdIds: string[]): Promise<HouseholdPublicityReply['items']> {
    const items: HouseholdPublicityReply['items'] = [];
    for (let start = 0; start < householdIds.length; start += FACTS_PER_REQUEST) {
      const reply = await this.messaging.request(SUBJECTS.intake.householdPublicity, {
        householdIds: householdIds.slice(start, start + FACTS_PER_REQUEST),
      });
      items.push(...reply.items);
    }
    return items;
  }
}
