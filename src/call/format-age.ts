/**
 * How long ago something started, in the largest whole unit, Chinese first and English beside
 * it, as the live-session list shows it.
 *
 * @example formatAge(185) // '3分钟 · 3 min'
 */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s}秒 · ${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)}分钟 · ${Math.floor(s / 60)} min`;
  if (s < 86_400) return `${Math.floor(s / 3600)}小时 · ${Math.floor(s / 3600)} h`;
  const days = Math.floor(s / 86_400);
  return `${days}天 · ${days} ${days === 1 ? 'day' : 'days'}`;
}
