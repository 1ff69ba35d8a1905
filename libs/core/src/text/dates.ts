const DANISH_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' });

/** Today's date (YYYY-MM-DD) in Denmark, where every job centre is. */
export function todayInDenmark(now: Date = new Date()): string {
  return DANISH_DATE.format(now);
}
