// GB 3095 concentration limits of the basic items, by edition, phase and class, as data: the shipped
// target files (targets/gb3095-*-class2.yaml) are tested against this table, and this table against the
// standards' text (test/methods/limits.test.ts). Units: CO mg/m3, the others ug/m3.

export type LimitItem = "SO2" | "NO2" | "CO" | "O3" | "PM10" | "PM2.5";
export type Averaging = "annual" | "24h" | "1h" | "max_daily_8h";
export type AirClass = "I" | "II";

export type LimitTable = Record<LimitItem, Partial<Record<Averaging, number>>>;

export interface LimitPhase {
  /** First and last day the phase applies (inclusive); `to` null: open-ended. */
  from: string;
  to: string | null;
  classes: Record<AirClass, LimitTable>;
}

const CLASS_I_2012: LimitTable = {
  SO2: { annual: 20, "24h": 50, "1h": 150 },
  NO2: { annual: 40, "24h": 80, "1h": 200 },
  CO: { "24h": 4, "1h": 10 },
  O3: { max_daily_8h: 100, "1h": 160 },
  PM10: { annual: 40, "24h": 50 },
  "PM2.5": { annual: 15, "24h": 35 },
};

const CLASS_II_2012: LimitTable = {
  SO2: { annual: 60, "24h": 150, "1h": 500 },
  NO2: { annual: 40, "24h": 80, "1h": 200 },
  CO: { "24h": 4, "1h": 10 },
  O3: { max_daily_8h: 160, "1h": 200 },
  PM10: { annual: 70, "24h": 150 },
  "PM2.5": { annual: 35, "24h": 75 },
};

export const GB3095_LIMITS: Record<"GB3095-2012" | "GB3095-2026", Record<string, LimitPhase>> = {
  // GB 3095-2012 Table 1, in force 2016-01-01 to 2026-02-28.
  "GB3095-2012": {
    single: { from: "2016-01-01", to: "2026-02-28", classes: { I: CLASS_I_2012, II: CLASS_II_2012 } },
  },
  // GB 3095-2026 Table 1 and 4.4: a transitional phase to 2030-12-31 (Class I as in 2012; Class II with
  // PM2.5 and PM10 tightened), then the final limits nationwide from 2031-01-01.
  "GB3095-2026": {
    transitional: {
      from: "2026-03-01",
      to: "2030-12-31",
      classes: {
        I: CLASS_I_2012,
        II: { ...CLASS_II_2012, PM10: { annual: 60, "24h": 120 }, "PM2.5": { annual: 30, "24h": 60 } },
      },
    },
    final: {
      from: "2031-01-01",
      to: null,
      classes: {
        I: {
          SO2: { annual: 20, "24h": 50, "1h": 150 },
          NO2: { annual: 30, "24h": 50, "1h": 200 },
          CO: { "24h": 4, "1h": 10 },
          O3: { max_daily_8h: 100, "1h": 160 },
          PM10: { annual: 20, "24h": 50 },
          "PM2.5": { annual: 10, "24h": 25 },
        },
        II: {
          SO2: { annual: 20, "24h": 50, "1h": 150 },
          NO2: { annual: 30, "24h": 50, "1h": 200 },
          CO: { "24h": 4, "1h": 10 },
          O3: { max_daily_8h: 160, "1h": 200 },
          PM10: { annual: 50, "24h": 100 },
          "PM2.5": { annual: 25, "24h": 50 },
        },
      },
    },
  },
};

/** The phase of an edition in force on a date (YYYY-MM-DD), or undefined. */
export function limitPhaseOn(edition: keyof typeof GB3095_LIMITS, date: string): LimitPhase | undefined {
  return Object.values(GB3095_LIMITS[edition]).find((p) => date >= p.from && (p.to === null || date <= p.to));
}
