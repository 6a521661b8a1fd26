import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class GetDocumentContentRequest {
  @IsUUID('4', { message: '文件编号格式不正确' })
  documentId: string;

  /**
   * For a download: printed across every page of a PDF copy (the viewer and the time). The archived bytes
   * never change; without it the content comes as archived (e.g. for the workflow).
   */
  @IsOptional()
  @IsString()
  @MaxLength(120)
  watermark?: string;
}
