/** A plan approved by decree, transcribed as data so a municipality can start from it. */
export interface PlanTemplateItem {
  /** '1.2', or '1.1.3' for the third numbered row of item 1.1 (seed 003 splits items into rows) */
  number: string;
  content: string;
  /** organisational units or posts, in the words of the decree */
  executors: string[];
  /** exactly as written in the decree */
  deadline: string;
  expectedResult: string;
  /** node of the scoring model of seed 002 (DOMAIN.md), e.g. 'P2.3' */
  indicator?: string;
}

export interface PlanTemplateSection {
  number: string;
  title: string;
  /** node of the scoring model for the whole section, e.g. 'P1' */
  indicator?: string;
  items: PlanTemplateItem[];
}

export interface PlanTemplate {
  key: string;
  /** shown in the «Создать план» form */
  label: string;
  labelEn: string;
  municipalityName: string;
  /** the year the plan was written for; deadlines in it name this year */
  year: number;
  title: string;
  decree: { number: string; date: string };
  sections: PlanTemplateSection[];
}
