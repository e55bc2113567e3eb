/** A plan item's deadline as understood from the text officials write (seeds 002, 003). */
export type Cadence = 'month' | 'quarter' | 'half_year' | 'year';

export type EventTrigger = 'change' | 'publication' | 'other';

export type Deadline =
  /** «до 01.07.2018», «до 31 декабря 2018 года» */
  | { kind: 'date'; date: string }
  /** «Апрель 2016 года» → the last day of the month */
  | { kind: 'month'; year: number; month: number }
  /** «II квартал 2016 года» → the last day of the quarter */
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  /** «I полугодие 2018 года» */
  | { kind: 'half_year'; year: number; half: 1 | 2 }
  /** «2018 год», «в течение 2018 года» → 31 December */
  | { kind: 'year'; year: number }
  /** «Постоянно», «На постоянной основе»: no due date, checked by update cadence */
  | { kind: 'continuous' }
  /** «По мере необходимости» */
  | { kind: 'as_needed' }
  /** «ежеквартально», «Ежеквартально в течение 2018 года»: due at the end of every period */
  | { kind: 'recurring'; every: Cadence; year?: number }
  /** «В течение 5 рабочих дней с момента размещения …»: N days after each triggering event */
  | {
      kind: 'after_event';
      days: number;
      dayType: 'working' | 'calendar';
      trigger: EventTrigger;
      /** The event as a noun phrase in the genitive: «изменения материалов». */
      event: string;
    }
  /**
   * «До 15 числа месяца, следующего после окончания квартала, начиная со II квартала 2016 года»:
   * the given day of the month after each period, moved to the next working day (Civil Code art. 193).
   */
  | { kind: 'report_after_period'; dayOfMonth: number; period: 'month' | 'quarter'; start?: { year: number; index: number } };

export type DeadlineKind = Deadline['kind'];
