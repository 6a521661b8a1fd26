import { Injectable, type PipeTransform } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';

import { ErrorCode, type ErrorReply } from '@app/contracts';

import { MalformedPayload } from './lenient-json.deserializer';

/** Answers a message whose body was not a JSON object with a typed MALFORMED_MESSAGE error. */
@Injectable()
export class MalformedMessagePipe implements PipeTransform {
  transform(value: unknown): unknown {
    if (value instanceof MalformedPayload) {
      const reply: ErrorReply = {
        code: ErrorCode.MALFORMED_MESSAGE,
        message: `消息格式错误：消息体必须是JSON对象（${value.reason}）`,
      };
      throw new RpcException(reply);
    }
    return value;
  }
}
