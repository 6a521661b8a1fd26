/* Reply shapes of the four-property checks (no validators): the staff console imports them. */

/** The four properties of DA/T 70 a problem belongs to. */
export type FixityProperty = 'AUTHENTICITY' | 'INTEGRITY' | 'USABILITY' | 'SECURITY';

export type FixityProblemCode =
  | 'CONTENT_CHANGED' // the bytes no longer hash to the item's sha256
  | 'CONTENT_MISSING' // no bytes under the item's sha256
  | 'METADATA_CHANGED' // the item's row does not follow from the hash chain
  | 'HEAD_MISMATCH' // the file's head hash is not the chain's last entry
  | 'ITEM_NUMBER_GAP' // item numbers are not 1..n without gaps
  | 'CONTENT_UNREADABLE'; // the content does not open as its media type

export interface FixityProblem {
  property: FixityProperty;
  code: FixityProblemCode;
  itemNo: number | null;
  /** What is wrong, in Chinese, for the archivist. */
  message: string;
}

export interface FixityCheckReply {
  id: string;
  fileId: string;
  householdId: string;
  referenceCode: string;
  divisionCode: string;
  checkedAt: string;
  trigger: 'ON_DEMAND' | 'SWEEP';
  checkedBy: string;
  itemsChecked: number;
  ok: boolean;
  problems: FixityProblem[];
  sweepId: string | null;
}

export interface FixitySweepReply {
  sweepId: string;
  startedAt: string;
  finishedAt: string;
  filesChecked: number;
  filesWithProblems: number;
  itemsChecked: number;
}

export interface ListFixityChecksReply {
  items: FixityCheckReply[];
}
