import { IsUUID } from 'class-validator';

export class GetApplicationRequest {
  @IsUUID('4', { message: '申请编号格式不正确' })
  applicationId: string;
}
