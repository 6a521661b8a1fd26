import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  CreateTransferPackageRequest,
  ListTransferPackagesRequest,
  type ListTransferPackagesReply,
  SUBJECTS,
  TransferFilesPageRequest,
  type TransferFilesPageReply,
  type TransferPackageReply,
} from '@app/contracts';

import { TransferService } from './transfer.service';

@Controller()
export class TransferHandler {
  constructor(private readonly transfers: TransferService) {}

  @MessagePattern(SUBJECTS.archive.transferCreate)
  create(@Payload() request: CreateTransferPackageRequest): Promise<TransferPackageReply> {
    return this.transfers.create(request);
  }

  @MessagePattern(SUBJECTS.archive.transferList)
  list(@Payload() request: ListTransferPackagesRequest): Promise<ListTransferPackagesReply> {
    return this.transfers.list(request.limit);
  }

  @MessagePattern(SUBJECTS.archive.transferFiles)
  files(@Payload() request: TransferFilesPageRequest): Promise<TransferFilesPageReply> {
    return this.transfers.files(request);
  }
}
