import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  ClaimTaskRequest,
  CloseTaskRequest,
  DecideTaskRequest,
  type DecisionReply,
  EscalateTaskRequest,
  type ListTasksReply,
  ListTasksRequest,
  TaskHistoryRequest,
  type TaskHistoryReply,
  OpenTaskRequest,
  RecordObjectionRequest,
  type ReleaseClaimsReply,
  ReleaseClaimsRequest,
  RescheduleTaskRequest,
  SUBJECTS,
  type TaskReply,
  type TaskStatisticsReply,
  TaskStatisticsRequest,
} from '@app/contracts';

import { TaskClaimsService } from './task-claims.service';
import { TaskStatisticsService } from './task-statistics.service';
import { TasksService } from './tasks.service';

@Controller()
export class TasksHandler {
  constructor(
    private readonly tasks: TasksService,
    private readonly statistics: TaskStatisticsService,
    private readonly claims: TaskClaimsService,
  ) {}

  @MessagePattern(SUBJECTS.approval.taskOpen)
  open(@Payload() request: OpenTaskRequest): Promise<TaskReply> {
    return this.tasks.open(request);
  }

  @MessagePattern(SUBJECTS.approval.taskClose)
  close(@Payload() request: CloseTaskRequest): Promise<TaskReply> {
    return this.tasks.close(request);
  }

  @MessagePattern(SUBJECTS.approval.taskEscalate)
  escalate(@Payload() request: EscalateTaskRequest): Promise<TaskReply> {
    return this.tasks.escalate(request.taskId);
  }

  @MessagePattern(SUBJECTS.approval.taskClaim)
  claim(@Payload() request: ClaimTaskRequest): Promise<TaskReply> {
    return this.claims.claim(request);
  }

  @MessagePattern(SUBJECTS.approval.taskReleaseClaims)
  releaseClaims(@Payload() request: ReleaseClaimsRequest): Promise<ReleaseClaimsReply> {
    return this.claims.releaseClaimsOf(request);
  }

  @MessagePattern(SUBJECTS.approval.taskReschedule)
  reschedule(@Payload() request: RescheduleTaskRequest): Promise<TaskReply> {
    return this.tasks.reschedule(request);
  }

  @MessagePattern(SUBJECTS.approval.taskHistory)
  history(@Payload() request: TaskHistoryRequest): Promise<TaskHistoryReply> {
    return this.tasks.history(request);
  }

  @MessagePattern(SUBJECTS.approval.taskList)
  list(@Payload() request: ListTasksRequest): Promise<ListTasksReply> {
    return this.tasks.list(request);
  }

  @MessagePattern(SUBJECTS.approval.taskStatistics)
  figures(@Payload() request: TaskStatisticsRequest): Promise<TaskStatisticsReply> {
    return this.statistics.statistics(request);
  }

  @MessagePattern(SUBJECTS.approval.objectionRecord)
  recordObjection(@Payload() request: RecordObjectionRequest): Promise<{ accepted: true }> {
    return this.tasks.recordObjection(request);
  }

  @MessagePattern(SUBJECTS.approval.taskDecide)
  decide(@Payload() request: DecideTaskRequest): Promise<DecisionReply> {
    return this.tasks.decide(request);
  }
}
