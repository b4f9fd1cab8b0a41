import { describe, expect, it } from 'vitest';
import { formatNewsroomDate, formatNewsroomIso, formatNewsroomTime, fromZonedInput, isTimeZone, toZonedInput } from '../../shared/newsroom-time';

describe('one newsroom time zone, printed as Korean portals print times', () => {
  it('prints an instant in Seoul with a four-digit year, whatever zone the machine is in', () => {
    expect(formatNewsroomTime('2026-12-07T04:19:00.000Z')).toBe('2026.12.07 13:19');
    expect(formatNewsroomTime('2026-12-31T15:30:00.000Z')).toBe('2027.01.01 00:30');
    expect(formatNewsroomDate('2026-12-31T15:30:00.000Z')).toBe('2027.01.01');
    expect(formatNewsroomTime('2026-07-01T12:00:00.000Z', 'America/New_York')).toBe('2026.07.01 08:00');
    expect(formatNewsroomTime('not a time')).toBe('not a time');
  });

  it('reads and writes an embargo input as the newsroom wall clock, both ways', () => {
    expect(toZonedInput('2026-12-07T01:00:00.000Z')).toBe('2026-12-07T10:00');
    expect(fromZonedInput('2026-12-07T10:00')).toBe('2026-12-07T01:00:00.000Z');
    for (const zone of ['Asia/Seoul', 'Europe/Berlin', 'America/New_York', 'UTC']) {
      for (const local of ['2026-03-08T01:30', '2026-03-08T03:30', '2026-03-29T04:00', '2026-10-25T12:00', '2026-11-01T10:15']) {
        expect(toZonedInput(fromZonedInput(local, zone)!, zone), `${zone} ${local}`).toBe(local);
      }
    }
    expect(fromZonedInput('2026-12-07 10:00')).toBeUndefined();
    expect(fromZonedInput('')).toBeUndefined();
  });

  it('knows a time zone from a made-up one', () => {
    expect(isTimeZone('Asia/Seoul')).toBe(true);
    expect(isTimeZone('Asia/Nowhere')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('the offset written into outputs', () => {
  it("is the zone's own at that instant", () => {
    expect(formatNewsroomIso('2026-12-07T04:19:05.000Z')).toBe('2026-12-07T13:19:05+09:00');
    expect(formatNewsroomIso('2026-07-01T12:00:00.000Z', 'Europe/Berlin')).toBe('2026-07-01T14:00:00+02:00');
    expect(formatNewsroomIso('2026-07-01T12:00:00.000Z', 'UTC')).toBe('2026-07-01T12:00:00+00:00');
    expect(() => formatNewsroomIso('nope')).toThrow(RangeError);
  });
});
