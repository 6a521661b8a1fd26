import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags, OmitType } from '@nestjs/swagger';
import type { Request } from 'express';

import {
  ChangeHouseholdMembersRequest,
  type HouseholdReply,
  type MemberChangeReply,
  PERMISSIONS,
  type SearchHouseholdsReply,
  SUBJECTS,
} from '@app/contracts';
import { MessagingClient, UuidParam } from '@app/platform';

import { AccessLogService } from '../access-log/access-log.service';
import { AccessPurpose, clientIp } from '../access-log/access-purpose.decorator';
import { CreateHouseholdDto } from './dto/create-household.dto';
import { SearchHouseholdsQuery } from './dto/search-households.query.dto';
import { WithPurposeQuery } from '../access-log/purpose-query';
import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { RequirePermission } from '../identity/auth/auth.decorators';

class SearchHouseholdsQueryDto extends WithPurposeQuery(SearchHouseholdsQuery) {}
class MemberChangeDto extends OmitType(ChangeHouseholdMembersRequest, ['idempotencyKey', 'householdId'] as const) {}

/** What the access log says of a search made without a stated purpose. */
const SEARCH_PURPOSE = '检索家庭（未说明目的）';
/** What the access log says of the household shown in answer to a change of its members. */
const MEMBER_CHANGE_PURPOSE = '登记家庭成员变动';

@ApiTags('households')
@ApiBearerAuth()
@Controller('v1/households')
export class HouseholdsController {
  constructor(
    private readonly messaging: MessagingClient,
    private readonly accessLog: AccessLogService,
  ) {}

  @Post()
  @HttpCode(201)
  @RequirePermission(PERMISSIONS.householdRegister)
  @ApiOperation({ summary: 'Register an assessment household with its members. Idempotent by Idempotency-Key.' })
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  create(@IdempotencyKey() idempotencyKey: string, @Body() body: CreateHouseholdDto): Promise<HouseholdReply> {
    return this.messaging.request(SUBJECTS.intake.householdCreate, { ...body, idempotencyKey });
  }

  @Post(':id/member-changes')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.householdRegister)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary:
      "Record a change in the household's members (家庭成员变动): one member leaves (LEAVE: DEATH, MOVED_OUT, " +
      'MARRIED_OUT, OTHER; `idNumber`; the head with `newHead`) or joins (JOIN: BIRTH, MARRIED_IN, MOVED_IN, OTHER; ' +
      '`member`), or the head hands over (HEAD: HANDOVER, OTHER; `newHead`, with the card of the new head while the ' +
      "benefit is paid). The report is filed into the household file and the open benefit's next periodic review " +
      'falls due within three months of the change. The household shown in the answer is access-logged. ' +
      'Idempotent by Idempotency-Key.',
  })
  async changeMembers(
    @UuidParam('id') householdId: string,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: MemberChangeDto,
    @Req() request: Request,
  ): Promise<MemberChangeReply> {
    const reply = await this.messaging.request(SUBJECTS.intake.householdChangeMembers, {
      ...body,
      householdId,
      idempotencyKey,
    });
    // The answer shows the whole household: a read, whose purpose is the change itself.
    await this.accessLog.record({
      action: 'READ',
      recordType: 'household',
      recordId: reply.household.id,
      recordDivision: reply.household.divisionCode,
      purpose: MEMBER_CHANGE_PURPOSE,
      clientIp: clientIp(request),
    });
    return reply;
  }

  @Get()
  @RequirePermission(PERMISSIONS.applicationRead)
  @ApiHeader({
    name: 'X-Access-Purpose',
    required: false,
    description: `Why you search (UTF-8, percent-encoded); or ?purpose=. Left out: logged as 「${SEARCH_PURPOSE}」`,
  })
  @ApiOperation({
    summary:
      'Find households in your division by a member name (full or partial) or a full ID number; ID numbers masked. ' +
      'Every household shown is logged in the access log (SEARCH).',
  })
  async search(
    @Query() query: SearchHouseholdsQueryDto,
    @AccessPurpose({ otherwise: SEARCH_PURPOSE }) purpose: string,
    @Req() request: Request,
  ): Promise<SearchHouseholdsReply> {
    const found = await this.messaging.request(SUBJECTS.intake.householdSearch, { q: query.q, limit: query.limit });
    // A hit shows names and the household: who saw which is recorded before the answer, as for a read.
    await this.accessLog.recordShown(
      'household',
      found.items.map((hit) => ({ recordId: hit.householdId, recordDivision: hit.divisionCode })),
      purpose,
      clientIp(request),
    );
    return found;
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.applicationRead)
  @ApiHeader({
    name: 'X-Access-Purpose',
    required: true,
    description: 'Why you look (UTF-8, percent-encoded); or ?purpose=',
  })
  @ApiOperation({
    summary: 'A household and its members (ID numbers masked). Logged in the access log with its purpose.',
  })
  async get(
    @UuidParam('id') id: string,
    @AccessPurpose() purpose: string,
    @Req() request: Request,
  ): Promise<HouseholdReply> {
    const household = await this.messaging.request(SUBJECTS.intake.householdGet, { householdId: id });
    await this.accessLog.record({
      action: 'READ',
      recordType: 'household',
      recordId: household.id,
      recordDivision: household.divisionCode,
      purpose,
      clientIp: clientIp(request),
    });
    return household;
  }
}
