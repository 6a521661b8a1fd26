import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';

import { DeclaredMeans } from './application-details';
import { DeliveryInput } from '../approval/task.request';
import { IsIdempotencyKey } from '../common/idempotency-key.validator';

/**
 * The re-check of a data check the applicant disputes (核对结果复查, 2021 rules Art. 18): the latest assessment found
 * the household not eligible, the applicant objected and brought evidence, and staff re-checked. The household's
 * means as re-checked replace the declared ones, the record is filed into the household file, and the chain
 * assesses the household again. Idempotent by key.
 */
export class RecheckDataCheckRequest {
  @IsUUID('4', { message: '申请编号格式不正确' })
  applicationId: string;

  /** What the applicant objected to, and on what evidence (申请人异议). */
  @IsString()
  @IsNotEmpty({ message: '请填写申请人对核对结果的异议及其理由' })
  @MaxLength(2000, { message: '异议内容不能超过2000个字符' })
  objection: string;

  /** The incomes, deductible expenditure and assets as re-checked: they replace the declared ones in full. */
  @IsDefined({ message: '请填写复查后的家庭收入、支出和财产（means）' })
  @ValidateNested()
  @Type(() => DeclaredMeans)
  means: DeclaredMeans;

  /**
   * The applicant's evidence, uploaded for this application (`POST /api/v1/applications/:id/attachments`, the ids
   * it answered): filed into the household file with the re-check, unless filed already.
   */
  @IsOptional()
  @IsArray({ message: '请列出证明材料' })
  @ArrayMaxSize(20, { message: '证明材料至多20份' })
  @IsUUID('4', { each: true, message: '证明材料编号格式不正确' })
  evidenceAttachmentIds?: string[];

  @IsIdempotencyKey(128)
  idempotencyKey: string;
}

/** A re-check as the application shows it: the means before and after as summaries, the filed record. */
export interface DataCheckRecheck {
  /** The assessment the applicant disputed. */
  assessmentId: string;
  objection: string;
  /** 收入、支出扣减、财产 before and after, as printed on the record. */
  meansBefore: string;
  meansAfter: string;
  /** The evidence as archived items of the household file. */
  evidenceDocumentIds: string[];
  recheckedBy: string;
  recheckedAt: string;
  documentId: string;
}

/**
 * The 家庭经济状况核对结果告知书 served on the applicant (2021 rules Art. 18: the township tells the applicant the data
 * check found the household not eligible, so that an objection can follow): when, how, to whom. A 送达回证 is filed
 * beside the notice. One service per notice: the same request again is answered with the same receipt, another
 * one is refused.
 */
export class RecordNoticeDeliveryRequest extends DeliveryInput {
  @IsUUID('4', { message: '申请编号格式不正确' })
  applicationId: string;

  /** The notice's item in the household file (its documentId, as the application's documents list it). */
  @IsUUID('4', { message: '告知书编号格式不正确' })
  documentId: string;
}
