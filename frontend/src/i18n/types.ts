/**
 * The shape a translation must have: the English catalogue's keys, every leaf a string.
 * `satisfies Messages<typeof en>` in each German file makes a missing or misspelt key a
 * type error, so "German complete" is checked by `tsc`, not by eye.
 */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
