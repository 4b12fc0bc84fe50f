/**
 * The fee for certifying copies from originals at a commune People's Committee or a notary office
 * (Thông tư 226/2016/TT-BTC): 2.000 đ a page for pages 1–2, 1.000 đ a page from page 3, at most
 * 200.000 đ a copy. Pages are counted on the original.
 */

const FIRST_PAGES = 2;
const FIRST_PAGE_FEE = 2_000;
const LATER_PAGE_FEE = 1_000;
const MAX_PER_COPY = 200_000;

/** The fee for one certified copy of an original of `pages` pages. */
export function certifiedCopyFeePerCopy(pages: number): number {
  const whole = Math.max(0, Math.floor(pages));
  const first = Math.min(whole, FIRST_PAGES) * FIRST_PAGE_FEE;
  const later = Math.max(0, whole - FIRST_PAGES) * LATER_PAGE_FEE;
  return Math.min(first + later, MAX_PER_COPY);
}

export interface CopyRequest {
  pageCount: number;
  copyCount: number;
}

/** The total for a booking of several documents, each in several copies. */
export function certifiedCopyFee(requests: readonly CopyRequest[]): number {
  return requests.reduce(
    (sum, request) =>
      sum + certifiedCopyFeePerCopy(request.pageCount) * Math.max(0, Math.floor(request.copyCount)),
    0,
  );
}
