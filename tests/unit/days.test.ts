import { describe, it, expect } from 'vitest'
import { dayBounds, dayKey, incidentDays, lastDays, worstByDay, worstByDayOfAll, zoneOffsets } from '../../shared/status/days.ts'

const HOUR_MS = 60 * 60 * 1000

function hours(key: string, timeZone: string): number {
  const { start, end } = dayBounds(key, timeZone)
  return (end.getTime() - start.getTime()) / HOUR_MS
}

describe('dayKey', () => {
  it('cuts the same instant before midnight UTC by each zone\'s wall clock', () => {
    const instant = new Date('2026-01-15T23:30:00Z')
    expect(dayKey(instant, 'UTC')).toBe('2026-01-15')
    expect(dayKey(instant, 'Europe/Berlin')).toBe('2026-01-16')
    expect(dayKey(instant, 'America/New_York')).toBe('2026-01-15')
  })

  it('cuts the same instant after midnight UTC by each zone\'s wall clock', () => {
    const instant = new Date('2026-01-16T00:30:00Z')
    expect(dayKey(instant, 'UTC')).toBe('2026-01-16')
    expect(dayKey(instant, 'Europe/Berlin')).toBe('2026-01-16')
    expect(dayKey(instant, 'America/New_York')).toBe('2026-01-15')
  })

  it('follows summer time', () => {
    // 22:30Z is 00:30 in Berlin during summer time (UTC+2), but 23:30 in winter (UTC+1).
    expect(dayKey(new Date('2026-07-01T22:30:00Z'), 'Europe/Berlin')).toBe('2026-07-02')
    expect(dayKey(new Date('2026-01-01T22:30:00Z'), 'Europe/Berlin')).toBe('2026-01-01')
  })
})

describe('dayBounds', () => {
  it('starts and ends at local midnight', () => {
    expect(dayBounds('2026-06-15', 'Europe/Berlin')).toEqual({
      start: new Date('2026-06-14T22:00:00Z'),
      end: new Date('2026-06-15T22:00:00Z'),
    })
    expect(dayBounds('2026-06-15', 'UTC')).toEqual({
      start: new Date('2026-06-15T00:00:00Z'),
      end: new Date('2026-06-16T00:00:00Z'),
    })
  })

  it('makes the spring-forward day in Berlin 23 hours long', () => {
    expect(dayBounds('2026-03-29', 'Europe/Berlin')).toEqual({
      start: new Date('2026-03-28T23:00:00Z'),
      end: new Date('2026-03-29T22:00:00Z'),
    })
    expect(hours('2026-03-29', 'Europe/Berlin')).toBe(23)
  })

  it('makes the autumn day in Berlin 25 hours long', () => {
    expect(dayBounds('2026-10-25', 'Europe/Berlin')).toEqual({
      start: new Date('2026-10-24T22:00:00Z'),
      end: new Date('2026-10-25T23:00:00Z'),
    })
    expect(hours('2026-10-25', 'Europe/Berlin')).toBe(25)
  })

  it('keeps the days around a DST change at 24 hours', () => {
    expect(hours('2026-03-28', 'Europe/Berlin')).toBe(24)
    expect(hours('2026-03-30', 'Europe/Berlin')).toBe(24)
    expect(hours('2026-03-08', 'America/New_York')).toBe(23)
    expect(hours('2026-11-01', 'America/New_York')).toBe(25)
  })

  it('starts a day whose midnight is skipped at its first instant', () => {
    // Chile springs forward at local midnight: 2026-09-06 begins at 01:00 (-03).
    expect(dayBounds('2026-09-06', 'America/Santiago')).toEqual({
      start: new Date('2026-09-06T04:00:00Z'),
      end: new Date('2026-09-07T03:00:00Z'),
    })
    expect(hours('2026-09-05', 'America/Santiago')).toBe(24)
  })

  it('rejects a malformed day key', () => {
    expect(() => dayBounds('2026-3-29', 'UTC')).toThrow(RangeError)
  })
})

describe('lastDays', () => {
  it('ends with today in the zone, oldest first', () => {
    const now = new Date('2026-01-15T23:30:00Z')
    expect(lastDays(now, 3, 'Europe/Berlin')).toEqual(['2026-01-14', '2026-01-15', '2026-01-16'])
    expect(lastDays(now, 3, 'UTC')).toEqual(['2026-01-13', '2026-01-14', '2026-01-15'])
  })

  it('steps by calendar day across the spring-forward change', () => {
    expect(lastDays(new Date('2026-03-30T00:30:00Z'), 4, 'Europe/Berlin'))
      .toEqual(['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30'])
  })

  it('steps by calendar day across the autumn change', () => {
    // 23:30Z on the 25th is 00:30 on the 26th in Berlin, right after the 25-hour day.
    expect(lastDays(new Date('2026-10-25T23:30:00Z'), 3, 'Europe/Berlin'))
      .toEqual(['2026-10-24', '2026-10-25', '2026-10-26'])
  })

  it('gives distinct days that tile time without gaps across both changes', () => {
    const days = lastDays(new Date('2026-11-15T12:00:00Z'), 300, 'Europe/Berlin')
    expect(days).toHaveLength(300)
    expect(new Set(days).size).toBe(300)
    for (let i = 1; i < days.length; i++) {
      expect(dayBounds(days[i - 1]!, 'Europe/Berlin').end).toEqual(dayBounds(days[i]!, 'Europe/Berlin').start)
    }
  })

  it('crosses month and year ends', () => {
    expect(lastDays(new Date('2026-01-01T12:00:00Z'), 3, 'UTC')).toEqual(['2025-12-30', '2025-12-31', '2026-01-01'])
  })

  it('is empty for no days', () => {
    expect(lastDays(new Date('2026-01-01T12:00:00Z'), 0, 'UTC')).toEqual([])
  })
})

const now = new Date('2026-06-15T10:00:00Z')
const days = lastDays(now, 5, 'Europe/Berlin') // 2026-06-11 .. 2026-06-15

function incident(id: string, beganAt: string, endedAt: string | null, affects: [string, number][]) {
  return { id, beganAt, endedAt, affects: affects.map(([reference, severity]) => ({ reference, type: 'performance', severity })) }
}

describe('worstByDay', () => {
  it('lists every day, untouched days without a worst value', () => {
    const history = worstByDay([], 'db', days, 'Europe/Berlin', now)
    expect([...history.keys()]).toEqual(days)
    expect(history.get('2026-06-12')).toEqual({ worst: undefined, incidentIds: [] })
  })

  it('counts an incident spanning local midnight on both days', () => {
    // 23:30 to 00:30 in Berlin, but within one UTC day.
    const night = incident('night', '2026-06-12T21:30:00Z', '2026-06-12T22:30:00Z', [['db', 50]])
    const berlin = worstByDay([night], 'db', days, 'Europe/Berlin', now)
    expect(berlin.get('2026-06-12')).toEqual({ worst: 50, incidentIds: ['night'] })
    expect(berlin.get('2026-06-13')).toEqual({ worst: 50, incidentIds: ['night'] })
    expect(berlin.get('2026-06-14')?.worst).toBeUndefined()

    const utc = worstByDay([night], 'db', lastDays(now, 5, 'UTC'), 'UTC', now)
    expect(utc.get('2026-06-12')?.worst).toBe(50)
    expect(utc.get('2026-06-13')?.worst).toBeUndefined()
  })

  it('counts an ongoing incident up to today', () => {
    const ongoing = incident('ongoing', '2026-06-13T08:00:00Z', null, [['db', 66]])
    const history = worstByDay([ongoing], 'db', days, 'Europe/Berlin', now)
    expect(days.map(day => history.get(day)?.worst)).toEqual([undefined, undefined, 66, 66, 66])
  })

  it('counts an incident only on the day after a midnight it ends or begins at', () => {
    // 22:00Z is 00:00 on 2026-06-14 in Berlin.
    const ended = incident('ended', '2026-06-13T08:00:00Z', '2026-06-13T22:00:00Z', [['db', 66]])
    const began = incident('began', '2026-06-13T22:00:00Z', '2026-06-14T08:00:00Z', [['db', 33]])
    const history = worstByDay([ended, began], 'db', days, 'Europe/Berlin', now)
    expect(history.get('2026-06-13')).toEqual({ worst: 66, incidentIds: ['ended'] })
    expect(history.get('2026-06-14')).toEqual({ worst: 33, incidentIds: ['began'] })
  })

  it('keeps the worst impact of the day, maintenance included', () => {
    const history = worstByDay([
      incident('maintenance', '2026-06-12T06:00:00Z', '2026-06-12T07:00:00Z', [['db', 0]]),
      incident('minor', '2026-06-12T08:00:00Z', '2026-06-12T09:00:00Z', [['db', 20]]),
      incident('major', '2026-06-12T10:00:00Z', '2026-06-12T11:00:00Z', [['db', 90], ['db', 40]]),
      incident('elsewhere', '2026-06-12T10:00:00Z', '2026-06-12T11:00:00Z', [['api', 100]]),
      incident('maintenance-only', '2026-06-14T06:00:00Z', '2026-06-14T07:00:00Z', [['db', 0]]),
    ], 'db', days, 'Europe/Berlin', now)
    expect(history.get('2026-06-12')).toEqual({ worst: 90, incidentIds: ['maintenance', 'minor', 'major'] })
    expect(history.get('2026-06-14')).toEqual({ worst: 0, incidentIds: ['maintenance-only'] })
  })

  it('ignores what has not happened yet', () => {
    const history = worstByDay([
      incident('planned', '2026-06-15T20:00:00Z', '2026-06-15T21:00:00Z', [['db', 0]]),
      incident('tomorrow', '2026-06-16T08:00:00Z', null, [['db', 100]]),
    ], 'db', days, 'Europe/Berlin', now)
    expect(history.get('2026-06-15')).toEqual({ worst: undefined, incidentIds: [] })
    expect(history.has('2026-06-16')).toBe(false)
  })

  it('ignores incidents outside the days shown', () => {
    const old = incident('old', '2026-05-01T08:00:00Z', '2026-05-02T08:00:00Z', [['db', 100]])
    const history = worstByDay([old], 'db', days, 'Europe/Berlin', now)
    expect([...history.values()].every(day => day.worst === undefined)).toBe(true)
  })
})

describe('worstByDayOfAll', () => {
  const incidents = [
    incident('both', '2026-06-12T08:00:00Z', '2026-06-13T08:00:00Z', [['db', 50], ['api', 100], ['db', 20]]),
    incident('api', '2026-06-14T08:00:00Z', null, [['api', 33]]),
    incident('old', '2026-05-01T08:00:00Z', '2026-05-02T08:00:00Z', [['queue', 100]]),
  ]

  it('gives every component an incident touches the row worstByDay gives it', () => {
    const all = worstByDayOfAll(incidents, days, 'Europe/Berlin', now)
    expect([...all.keys()].sort()).toEqual(['api', 'db', 'queue'])
    for (const component of ['api', 'db', 'queue']) {
      expect(all.get(component)).toEqual(worstByDay(incidents, component, days, 'Europe/Berlin', now))
    }
    expect(all.get('db')?.get('2026-06-12')).toEqual({ worst: 50, incidentIds: ['both'] })
    expect(days.map(day => all.get('api')?.get(day)?.worst)).toEqual([undefined, 100, 100, 33, 33])
  })

  it('leaves out the components no incident touches', () => {
    expect(worstByDayOfAll(incidents, days, 'Europe/Berlin', now).has('web')).toBe(false)
    expect(worstByDayOfAll([], days, 'Europe/Berlin', now).size).toBe(0)
  })
})

describe('incidentDays', () => {
  it('keeps the days with incidents, as worst severity and number of incidents', () => {
    const row = worstByDay([
      incident('maintenance', '2026-06-12T06:00:00Z', '2026-06-12T07:00:00Z', [['db', 0]]),
      incident('minor', '2026-06-12T08:00:00Z', '2026-06-12T09:00:00Z', [['db', 20]]),
      incident('ongoing', '2026-06-14T08:00:00Z', null, [['db', 66]]),
    ], 'db', days, 'Europe/Berlin', now)
    expect(incidentDays(row)).toEqual({ '2026-06-12': [20, 2], '2026-06-14': [66, 1], '2026-06-15': [66, 1] })
  })

  it('is empty for a row without incidents', () => {
    expect(incidentDays(worstByDay([], 'db', days, 'Europe/Berlin', now))).toEqual({})
  })
})

describe('zoneOffsets', () => {
  it('gives the offsets of 1 January and 1 July as a browser\'s getTimezoneOffset does', () => {
    expect(zoneOffsets('UTC', 2026)).toBe('0 0')
    expect(zoneOffsets('Europe/London', 2026)).toBe('0 -60')
    expect(zoneOffsets('Europe/Berlin', 2026)).toBe('-60 -120')
    expect(zoneOffsets('America/New_York', 2026)).toBe('300 240')
    // Summer time in the southern hemisphere, and a zone without any.
    expect(zoneOffsets('Australia/Sydney', 2026)).toBe('-660 -600')
    expect(zoneOffsets('Asia/Kolkata', 2026)).toBe('-330 -330')
  })
})
