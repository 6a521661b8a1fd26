/** A community's long-term publication of recipients (长期公示) for a month, as staff see it. */
export interface RecipientsPublicityReply {
  divisionCode: string;
  divisionName: string;
  month: string;
  /** What may be published: the head's name, the household's members, the monthly amount (2021 measures Art. 24). */
  households: Array<{ householdId: string; headName: string; memberCount: number; amountFen: number }>;
  totals: { households: number; members: number; amountFen: number };
  /**
   * Recipients left out of the publication: confidential cases (e.g. HIV, domain §1.3), and any household the
   * registry could not vouch for. Shown to staff so the list reconciles with the month's roster; never printed.
   */
  withheld: number;
}
