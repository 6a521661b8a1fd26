import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import { PERMISSIONS, RenderPrintableRequest, type RenderPrintableReply, SUBJECTS } from '@app/contracts';
import { assertPermission, requireCaller } from '@app/platform';

import { renderPrintable } from './printable.template';

/** Renders printable views (the dossier) as watermarked PDFs; nothing is stored. */
@Controller()
export class PrintablesHandler {
  @MessagePattern(SUBJECTS.archive.printableRender)
  async render(@Payload() request: RenderPrintableRequest): Promise<RenderPrintableReply> {
    assertPermission(requireCaller(), PERMISSIONS.applicationRead);
    const { content, pageCount } = await renderPrintable(request, new Date());
    return { contentBase64: content.toString('base64'), pageCount };
  }
}
