import { reserveExpired } from "../../../src/core";

const DAY = 86_400_000;
const received = 1_700_000_000_000;

describe("reserveExpired (docs/NUMBERING.md: offline reserves)", () => {
  it("keeps numbers younger than activeDays", () => {
    expect(reserveExpired(received, received, 30)).toBe(false);
    expect(reserveExpired(received, received + 30 * DAY - 1, 30)).toBe(false);
  });

  it("expires numbers once activeDays have passed since the device received them", () => {
    expect(reserveExpired(received, received + 30 * DAY, 30)).toBe(true);
    expect(reserveExpired(received, received + 2 * DAY, 1)).toBe(true);
  });

  it("does not take numbers received 'in the future' (the clock was set back) as old", () => {
    expect(reserveExpired(received, received - DAY, 30)).toBe(false);
  });
});
