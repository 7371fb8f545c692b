// The groupings a target can be evaluated for one by one.

/** Groups a target can be evaluated for one by one, taken from the data's columns (城市, 区县, 站点). */
export const GROUP_KINDS = ["city", "county", "station"] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
