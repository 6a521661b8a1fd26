export type { DossierReply as DossierView, DossierSection } from '@app/contracts/gateway/dossier.reply';

/** Why staff open a household's dossier; the access log keeps the one chosen. */
export const DOSSIER_PURPOSES = ['答复群众咨询', '办理审批任务', '定期核查', '监督检查'] as const;
