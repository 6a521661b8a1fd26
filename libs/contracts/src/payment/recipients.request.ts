import { IsMonth } from './enrolment.request';
import { IsCommunityCode } from '../common/division-code.validator';

/**
 * The households of one community whose benefit is paid for a month: the roll behind the long-term publication
 * (长期公示). Readable with payment:read or application:read in scope.
 */
export class ListRecipientsRequest {
  @IsCommunityCode()
  divisionCode: string;

  @IsMonth()
  month: string;
}

export interface RecipientRow {
  householdId: string;
  enrolmentId: string;
  headName: string;
  baseFen: number;
  supplementFen: number;
  amountFen: number;
  /** The first month the benefit was paid for (YYYY-MM). */
  firstMonth: string;
}

export interface RecipientsReply {
  divisionCode: string;
  month: string;
  /** In the order they were first paid, then by name. */
  recipients: RecipientRow[];
}
