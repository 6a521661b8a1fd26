import { IsUUID } from 'class-validator';

export class GetDocumentContentRequest {
  @IsUUID('4', { message: '文件编号格式不正确' })
  documentId: string;
}
