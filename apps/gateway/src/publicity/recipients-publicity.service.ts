import { Injectable } from '@nestjs/common';

import { type HouseholdPublicityReply, SUBJECTS } from '@app/contracts';
import { MessagingClient } from '@app/platform';

import { recipientsPrintable } from './recipients-printable';
import type { RecipientsPublicityReply } from './recipients-publicity.types';
import { recipientsCsv } from './recipients.csv';
import { AccessLogService, type Viewer } from '../access-log/access-log.service';

/** What the registry answers for at most in one request (`HouseholdPublicityRequest`). */
const FACTS_PER_REQUEST = 5000;

/**
 * The long-term publication of a community's recipients: payment answers who is paid for the month and how much,
 * the registry how many members each household has and which may not be published. Each answers in the caller's
 * scope. Every household listed is access-logged: shown (the list), or taken away (the PDF, the spreadsheet).
 */
@Injectable()
export class RecipientsPublicityService {
  constructor(
    private readonly messaging: MessagingClient,
    private readonly accessLog: AccessLogService,
  ) {}

  /** The list as staff see it, each household logged as shown. */
  async shown(divisionCode: string, month: string, viewer: Viewer): Promise<RecipientsPublicityReply> {
    const publicity = await this.compose(divisionCode, month);
    await this.record(publicity, viewer, 'SEARCH');
    return publicity;
  }

  /** The list to post, as a PDF rendered by the archive; logged as taken away once rendered. */
  async printed(divisionCode: string, month: string, viewer: Viewer): Promise<Buffer> {
    const publicity = await this.compose(divisionCode, month);
    const rendered = await this.messaging.request(SUBJECTS.archive.printableRender, recipientsPrintable(publicity));
    await this.record(publicity, viewer, 'DOWNLOAD');
    return Buffer.from(rendered.contentBase64, 'base64');
  }

  /** The list as a spreadsheet, logged as taken away. */
  async spreadsheet(divisionCode: string, month: string, viewer: Viewer): Promise<string> {
    const publicity = await this.compose(divisionCode, month);
    await this.record(publicity, viewer, 'DOWNLOAD');
    return recipientsCsv(publicity);
  }

  private record(publicity: RecipientsPublicityReply, viewer: Viewer, action: 'SEARCH' | 'DOWNLOAD'): Promise<void> {
    return this.accessLog.recordShown(
      'household',
      publicity.households.map((household) => ({
        recordId: household.householdId,
        recordDivision: publicity.divisionCode,
      })),
      viewer.purpose,
      viewer.clientIp,
      action,
    );
  }

  private async compose(divisionCode: string, month: string): Promise<RecipientsPublicityReply> {
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
