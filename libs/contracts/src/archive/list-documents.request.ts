import { IsUUID } from 'class-validator';

export class ListDocumentsRequest {
  @IsUUID('4')
  applicationId: string;
}
