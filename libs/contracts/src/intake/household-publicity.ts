import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';

/**
 * What a publication of recipients may say of each household (2021 measures Art. 24: name, number of members,
 * amount) and whether it may be published at all: a household with a confidential application (e.g. HIV, domain
 * §1.3) never is. Every household must be in the caller's division subtree (application:read).
 */
export class HouseholdPublicityRequest {
  @IsArray({ message: 'householdIds 须为列表' })
  @ArrayMaxSize(5000, { message: '每次最多5000户' })
  @IsUUID('4', { each: true, message: '家庭编号格式不正确' })
  householdIds: string[];
}

export interface HouseholdPublicityReply {
  items: Array<{
    householdId: string;
    /** Active members of the household. */
    memberCount: number;
    /** Any of its applications was handled as confidential: not to be published. */
    confidential: boolean;
  }>;
}
