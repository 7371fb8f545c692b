import { describe, expect, it } from "vitest";
import { goodRateProjection, meanProjection } from "../../src/engine/projection.js";
import { windowValidity } from "../../src/methods/air.js";

describe("goodRateProjection: how many of the remaining days may be non-good", () => {
  it("after 200 valid days with 150 good, target 80 % over 365 days: 23 of the remaining 165", () => {
    // The year needs 0.8 x 365 = 292 good days: 292 - 150 = 142 of the 165 remaining, so 23 may be non-good.
    // 24 would give 291 / 365 = 79.73 % -> 79.7, short. The rate so far (25 % non-good) would bring 41.25: at risk.
    expect(goodRateProjection(150, 200, 165, 80)).toEqual({
      status: "at-risk",
      remainingDays: 165,
      allowedNonGoodDays: 23,
    });
  });

  it("is on track when the rate so far leaves room: 190 of 200 good", () => {
    // 292 - 190 = 102 good needed of 165: 63 may be non-good; the pace (5 %) brings 8.25.
    expect(goodRateProjection(190, 200, 165, 80)).toEqual({
      status: "on-track",
      remainingDays: 165,
      allowedNonGoodDays: 63,
    });
  });

  it("is off track when even an all-good rest of the year falls short", () => {
    // 100 good of 200 + 165 good = 265 / 365 = 72.6 % < 80.
    expect(goodRateProjection(100, 200, 165, 80).status).toBe("off-track");
  });

  it("judges the rounded rate: 79.95 % rounds to 80.0 and meets 80", () => {
    // 1599 good of 2000 valid = 79.95 % -> 80.0 (half to even: 79.9|5 -> 80.0); with no days left it holds.
    expect(goodRateProjection(1599, 2000, 0, 80)).toEqual({
      status: "on-track",
      remainingDays: 0,
      allowedNonGoodDays: 0,
    });
  });
});

describe("meanProjection: the highest mean the rest of the year may have", () => {
  it("181 days averaging 48, limit 43, 184 days left: at most 39", () => {
    // The annual mean must round to <= 43, i.e. stay below 43.5 (43.5 itself rounds to 44):
    // (48 x 181 + 184 m) / 365 < 43.5  ->  m < (15877.5 - 8688) / 184 = 39.07; m = 39 gives 43.46 -> 43.
    expect(meanProjection(48 * 181, 181, 184, 43, 0)).toEqual({
      status: "at-risk",
      remainingDays: 184,
      maxMeanRemaining: 39,
    });
  });

  it("is on track when the year so far is already cleaner than needed", () => {
    // (30 x 181 + 184 m) / 365 < 43.5 -> m < (15877.5 - 5430) / 184 = 56.78 -> 56, above the pace of 30.
    expect(meanProjection(30 * 181, 181, 184, 43, 0)).toEqual({
      status: "on-track",
      remainingDays: 184,
      maxMeanRemaining: 56,
    });
  });

  it("is off track when even clean air for the rest cannot bring the mean down", () => {
    // (100 x 300 + 0) / 365 = 82.2 > 43.
    expect(meanProjection(100 * 300, 300, 65, 43, 0).status).toBe("off-track");
  });
});

describe("windowValidity: the day counts of a window shorter than a year", () => {
  const days = (from: string, n: number, skip: string[] = []) => {
    const list: string[] = [];
    for (let d = new Date(`${from}T00:00:00Z`), i = 0; i < n; i++, d.setUTCDate(d.getUTCDate() + 1)) {
      const date = d.toISOString().slice(0, 10);
      if (!skip.includes(date)) list.push(date);
    }
    return list;
  };

  it("a whole April needs 27 days: 27 valid, 26 not", () => {
    expect(
      windowValidity(
        days("2019-04-01", 30, ["2019-04-01", "2019-04-02", "2019-04-03"]),
        "2019-04-01",
        "2019-04-30",
      ).valid,
    ).toBe(true);
    const short = windowValidity(
      days("2019-04-01", 30, ["2019-04-01", "2019-04-02", "2019-04-03", "2019-04-04"]),
      "2019-04-01",
      "2019-04-30",
    );
    expect(short).toMatchObject({
      valid: false,
      days: 26,
      shortMonths: [{ month: 4, days: 26, required: 27 }],
    });
  });

  it("a month cut by the window needs its share, rounded up: 15 days of June need ceil(15 x 27 / 30) = 14", () => {
    const window = ["2019-01-01", "2019-06-15"] as const;
    const all = days("2019-01-01", 166);
    expect(windowValidity(all, ...window).valid).toBe(true);
    const june = all.filter((d) => !["2019-06-01", "2019-06-02"].includes(d)); // 13 of the 15 June days
    expect(windowValidity(june, ...window).shortMonths).toEqual([{ month: 6, days: 13, required: 14 }]);
  });

  it("the whole calendar year is the annual rule (324 days)", () => {
    const all = days("2019-01-01", 365);
    expect(windowValidity(all.slice(0, 323), "2019-01-01", "2019-12-31").valid).toBe(false);
  });
});
