/**
 * The page sizes every paginated list offers. One set app-wide, so a size read from one
 * page's URL is always one the pager can show.
 */
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

export function isPageSize(size: number): boolean {
  return (PAGE_SIZES as readonly number[]).includes(size);
}
