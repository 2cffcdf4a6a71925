import type { TemplatePhase } from '@stegvis/contracts';

/** What a template adds up to, shown beside the editor and in the list. */
export interface TemplateSummary {
  totalWeeks: number;
  internshipWeeks: number;
  lectureWeeks: number;
  /** Lectures the lecture weeks have room for, before public holidays take some. */
  room: number;
  /** Lectures asked for beyond that room: they will not take place. */
  short: number;
}

export function summarise(t: {
  phases: readonly Pick<TemplatePhase, 'kind' | 'weeks' | 'lectures'>[];
  lectureWeekdays: readonly number[];
  lectureCount: number;
}): TemplateSummary {
  const weeks = (p: { weeks: number }) => (Number.isFinite(Number(p.weeks)) ? Number(p.weeks) : 0);
  const totalWeeks = t.phases.reduce((s, p) => s + weeks(p), 0);
  const internshipWeeks = t.phases.filter((p) => p.kind === 'internship').reduce((s, p) => s + weeks(p), 0);
  const lectureWeeks = t.phases.filter((p) => p.lectures).reduce((s, p) => s + weeks(p), 0);
  const room = lectureWeeks * t.lectureWeekdays.length;
  return { totalWeeks, internshipWeeks, lectureWeeks, room, short: Math.max(0, t.lectureCount - room) };
}

/** The day a group started from a template on `startDate` ends: the last day of its last week. */
export function endFromTemplate(startDate: string, totalWeeks: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate) || totalWeeks < 1) return '';
  const d = new Date(`${startDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return '';
  d.setUTCDate(d.getUTCDate() + totalWeeks * 7 - 1);
  return d.toISOString().slice(0, 10);
}
