/**
 * 档号 (reference codes) of household files and their items, after DA/T 13-2022 and DA/T 22-2015:
 *
 *   file: {全宗号}-DB·{年度}-{保管期限}-{街道 9 位}·{社区 3 位}-{盒内卷号 4 位}   e.g. 220102-DB·2026-D5-220102001·001-0007
 *   item: {file}-{件号 4 位}                                                        e.g. 220102-DB·2026-D5-220102001·001-0007-0003
 *
 * - 全宗号 (fonds): the county civil-affairs bureau that keeps the file, written as its 6-digit division code.
 * - DB: the archive category of dibao household files (低保).
 * - 年度: the year the file was opened (立卷).
 * - 保管期限: D5 — kept while benefits run and 5 years after they end (Jilin, domain §4.2 Art. 13).
 * - 街道·社区: the cabinet (一街道一柜) and the box (一社区一盒) the file was opened in.
 * - 卷号: the file's number in its box for that year, from 1.
 * A code, once given, never changes: not when the household moves, not when a division code is renumbered.
 */
export const DIBAO_CATEGORY = 'DB';
export const HOUSEHOLD_FILE_RETENTION = 'D5';

export interface HouseholdFileCodeParts {
  /** The community (12 digits) the file is opened in. */
  communityCode: string;
  year: number;
  /** The file's number in its box for the year, from 1. */
  seq: number;
}

const FILE_CODE = /^(\d{6})-DB·(\d{4})-(D5)-(\d{9})·(\d{3})-(\d{4})$/;
const ITEM_CODE = /^(.+)-(\d{4})$/;

export function householdFileCode({ communityCode, year, seq }: HouseholdFileCodeParts): string {
  if (!/^\d{12}$/.test(communityCode)) {
    throw new Error(`not a community code: ${communityCode}`);
  }
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new Error(`not a year: ${year}`);
  }
  if (!Number.isInteger(seq) || seq < 1 || seq > 9999) {
    throw new Error(`file number out of range (1–9999): ${seq}`);
  }
  const fonds = communityCode.slice(0, 6);
  const cabinet = communityCode.slice(0, 9);
  const box = communityCode.slice(9);
  return `${fonds}-${DIBAO_CATEGORY}·${year}-${HOUSEHOLD_FILE_RETENTION}-${cabinet}·${box}-${pad4(seq)}`;
}

export function itemCode(fileCode: string, itemNo: number): string {
  if (!Number.isInteger(itemNo) || itemNo < 1 || itemNo > 9999) {
    throw new Error(`item number out of range (1–9999): ${itemNo}`);
  }
  return `${fileCode}-${pad4(itemNo)}`;
}

export interface ParsedFileCode {
  fondsCode: string;
  year: number;
  retention: string;
  cabinetCode: string;
  communityCode: string;
  seq: number;
}

/** Reads a household file's code back into its parts; undefined when it is not one. */
export function parseHouseholdFileCode(code: string): ParsedFileCode | undefined {
  const match = FILE_CODE.exec(code);
  if (!match) {
    return undefined;
  }
  const [, fondsCode, year, retention, cabinetCode, box, seq] = match;
  return {
    fondsCode,
    year: Number(year),
    retention,
    cabinetCode,
    communityCode: cabinetCode + box,
    seq: Number(seq),
  };
}

/** Reads an item's code into its file's code and its item number; undefined when it is not one. */
export function parseItemCode(code: string): { fileCode: string; itemNo: number } | undefined {
  const match = ITEM_CODE.exec(code);
  if (!match || !parseHouseholdFileCode(match[1])) {
    return undefined;
  }
  return { fileCode: match[1], itemNo: Number(match[2]) };
}

function pad4(value: number): string {
  return String(value).padStart(4, '0');
}
