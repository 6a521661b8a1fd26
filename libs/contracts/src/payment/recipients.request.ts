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

/** What a publication needs of each household paid (the registry adds its members). */
export interface RecipientRow {
  householdId: string;
  headName: string;
  /** The month's benefit: base and supplement. */
  amountFen: number;
}

export interface RecipientsReply {
  divisionCode: string;
  month: string;
  /** In the order they were first paid, then by name. */
  recipients: RecipientRow[];
}
