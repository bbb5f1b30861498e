// The English day and month abbreviations of the C locale, as date(1), nginx's access log, HTTP's
// Date header (RFC 9110 IMF-fixdate), dig's WHEN line and kubectl describe all print them. One
// list, so a fix (or a locale, if one is ever simulated) lands everywhere at once.

/** Weekday abbreviations, indexed by `Date#getUTCDay()` (0 = Sunday). */
export const DAYS: readonly string[] = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/** Month abbreviations, indexed by `Date#getUTCMonth()` (0 = January). */
export const MONTHS: readonly string[] = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
]
