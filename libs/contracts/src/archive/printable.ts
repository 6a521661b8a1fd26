import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export class PrintableTable {
  @IsArray()
  @ArrayMaxSize(12)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  columns: string[];

  @IsArray()
  @ArrayMaxSize(2000)
  @IsArray({ each: true })
  rows: string[][];
}

export class PrintableSection {
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  heading: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  lines?: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => PrintableTable)
  table?: PrintableTable;
}

/**
 * A printable, watermarked view (e.g. the household dossier) rendered by the archive as an A4 PDF in Chinese.
 * Not filed: a printout of what the viewer saw, marked with who and when on every page.
 */
export class RenderPrintableRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  subtitle?: string;

  @IsArray()
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => PrintableSection)
  sections: PrintableSection[];

  /** Printed across every page, e.g. the viewer and the time. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  watermark: string;

  @IsString()
  @MaxLength(300)
  footer: string;
}

export interface RenderPrintableReply {
  contentBase64: string;
  pageCount: number;
}
