export type { InboxReply, InboxTask } from '@app/contracts/gateway/inbox.reply';
