/**
 * A plan as the paper document the seeds show (002, 003): the approval block,
 * the title, numbered sections with their items in one table, the signature.
 * The same model feeds the XLSX and the DOCX, from the working copy or from an
 * approved version's snapshot. The documents are Russian official papers, so
 * their words are Russian whatever the interface language is.
 */
import type { PlanItemView, PlanSnapshot, PlanVersionView, PlanView } from '../outreach.repository.js';
import { executorsText, planYear } from '../plan-items.js';

/** The table's columns, in order; the import recognises these headings and the seeds' own. */
export const PLAN_COLUMNS = [
  { key: 'number', heading: '№ п/п' },
  { key: 'content', heading: 'Наименование мероприятия' },
  { key: 'executors', heading: 'Ответственные исполнители' },
  { key: 'deadline', heading: 'Срок исполнения' },
  { key: 'result', heading: 'Ожидаемый результат' },
  { key: 'indicator', heading: 'Показатель' },
  { key: 'budget', heading: 'Объём финансирования, руб.' },
] as const;

export type PlanColumnKey = (typeof PLAN_COLUMNS)[number]['key'];

export interface PlanDocumentItem {
  number: string;
  content: string;
  executors: string[];
  /** exactly as written */
  deadline: string;
  result: string;
  indicator: string | null;
  /** numeric(14,2) as text, e.g. '12500.00' */
  budgetRub: string | null;
}

export interface PlanDocumentSection {
  number: string;
  title: string;
  items: PlanDocumentItem[];
}

export interface PlanDocument {
  title: string;
  /** the municipality, or the region for the region's own plan (nominative, as stored) */
  placeName: string;
  /** true for the region's own plan */
  regional: boolean;
  year: number;
  /** the decree that approved this text; null = a draft («ПРОЕКТ») */
  approval: { number: string; date: string } | null;
  /** the approved version this document shows; null for the working copy */
  version: number | null;
  sections: PlanDocumentSection[];
}

type ItemLike = Pick<PlanItemView, 'sectionNumber' | 'sectionTitle' | 'itemNumber' | 'sortOrder' | 'content' | 'executors' | 'deadlineText' | 'expectedResult' | 'indicatorNodeId' | 'budgetRub'>;

function sectionsOf(items: readonly ItemLike[]): PlanDocumentSection[] {
  const sections: PlanDocumentSection[] = [];
  const byNumber = new Map<string, PlanDocumentSection>();
  for (const i of [...items].sort((a, b) => a.sortOrder - b.sortOrder)) {
    let s = byNumber.get(i.sectionNumber);
    if (!s) {
      s = { number: i.sectionNumber, title: i.sectionTitle, items: [] };
      byNumber.set(i.sectionNumber, s);
      sections.push(s);
    }
    s.items.push({
      number: i.itemNumber,
      content: i.content,
      executors: executorsText(i.executors),
      deadline: i.deadlineText,
      result: i.expectedResult,
      indicator: i.indicatorNodeId,
      budgetRub: i.budgetRub,
    });
  }
  return sections;
}

/** The working copy: approved only while nothing changed since the last approval. */
export function documentFromPlan(plan: PlanView, items: readonly ItemLike[]): PlanDocument {
  return {
    title: plan.title,
    placeName: plan.municipalityName ?? plan.regionName,
    regional: plan.municipalityName === null,
    year: planYear(plan.periodFrom),
    approval: plan.status === 'approved' && plan.decreeNumber && plan.decreeDate ? { number: plan.decreeNumber, date: plan.decreeDate } : null,
    version: null,
    sections: sectionsOf(items),
  };
}

/** An approved version, from its snapshot: the text and the decree as they were. */
export function documentFromVersion(version: Pick<PlanVersionView, 'version' | 'decreeNumber' | 'decreeDate'> & { snapshot: PlanSnapshot }): PlanDocument {
  const p = version.snapshot.plan;
  return {
    title: p.title,
    placeName: p.municipalityName ?? p.regionName,
    regional: p.municipalityName === null,
    year: planYear(p.periodFrom),
    approval: { number: version.decreeNumber, date: version.decreeDate },
    version: version.version,
    sections: sectionsOf(version.snapshot.items),
  };
}

// --- Russian wording ------------------------------------------------------------

/** '2026-05-24' → '24.05.2026' */
export function russianDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** '12500.5' → '12 500,50' (no-break spaces between thousands, so the sum never breaks across lines). */
export function russianMoney(value: string): string {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!m) return value;
  const groups = m[2]!.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${m[1]}${groups},${(m[3] ?? '').padEnd(2, '0')}`;
}

/** Words of a territory's name that are generic (written lower-case inside a sentence). */
const GENERIC = new Set(['муниципальный', 'муниципальное', 'городской', 'городское', 'сельское', 'сельский', 'район', 'округ', 'край', 'область', 'поселение', 'образование', 'республика', 'автономный', 'автономная', 'город']);

const NOUNS: Record<string, string> = {
  район: 'района',
  округ: 'округа',
  край: 'края',
  область: 'области',
  поселение: 'поселения',
  образование: 'образования',
  республика: 'республики',
  город: 'города',
};

/** The genitive of one word of a territory name, or null when the word is not one we know how to decline. */
function genitiveWord(word: string): string | null {
  const lower = word.toLowerCase();
  const noun = NOUNS[lower];
  let out: string | null = null;
  if (noun) out = noun;
  else if (/[сц]кий$/.test(lower)) out = lower.replace(/ий$/, 'ого');
  else if (/(ный|ной|ской)$/.test(lower)) out = lower.replace(/(ый|ой)$/, 'ого');
  else if (/(ская|цкая|ная)$/.test(lower)) out = lower.replace(/ая$/, 'ой');
  else if (/(ское|цкое|ное)$/.test(lower)) out = lower.replace(/ое$/, 'ого');
  if (out === null) return null;
  // A proper adjective (Калганский) keeps its capital; generic words are lower-case inside a sentence.
  return GENERIC.has(lower) || word[0] === word[0]!.toLowerCase() ? out : out[0]!.toUpperCase() + out.slice(1);
}

/**
 * A territory's name in the genitive, for «администрации …», «Глава …»:
 * «Калганский муниципальный округ» → «Калганского муниципального округа»,
 * «Городской округ «Город Чита»» → «городского округа «Город Чита»». A name
 * with words this cannot decline is written the way decrees do it with any
 * name: «муниципального образования «…»» (a region's name stays as written).
 */
export function genitiveName(name: string, regional = false): string {
  const quoted = /«.*»$/.exec(name.trim());
  const head = (quoted ? name.trim().slice(0, quoted.index) : name.trim()).trim();
  const words = head.split(/\s+/).filter(Boolean);
  const declined = words.map(genitiveWord);
  if (words.length > 0 && declined.every((w) => w !== null)) return [declined.join(' '), quoted?.[0]].filter(Boolean).join(' ');
  if (regional) return name.trim();
  const inQuotes = quoted && words.length === 0 ? name.trim() : `«${name.trim().replace(/^«|»$/g, '')}»`;
  return `муниципального образования ${inQuotes}`;
}

/** Whose decree approves the plan: «администрации Калганского муниципального округа», «Правительства Забайкальского края». */
export function decreeAuthority(doc: Pick<PlanDocument, 'placeName' | 'regional'>): string {
  return `${doc.regional ? 'Правительства' : 'администрации'} ${genitiveName(doc.placeName, doc.regional)}`;
}

/** Who signs: «Глава Калганского муниципального округа», for a region's plan «Губернатор Забайкальского края». */
export function signatory(doc: Pick<PlanDocument, 'placeName' | 'regional'>): string {
  const governor = doc.regional && /(край|область|автономный округ)$/i.test(doc.placeName.trim());
  return `${governor ? 'Губернатор' : 'Глава'} ${genitiveName(doc.placeName, doc.regional)}`;
}

/** «УТВЕРЖДЁН постановлением администрации … от 24.05.2026 № 228», or null for a draft. */
export function approvalLine(doc: PlanDocument): string | null {
  if (!doc.approval) return null;
  return `УТВЕРЖДЁН постановлением ${decreeAuthority(doc)} от ${russianDate(doc.approval.date)} № ${doc.approval.number}`;
}

/**
 * The short name of the place for a file name: the quoted name when there is
 * one, else the name without generic words: «Калганский муниципальный округ» →
 * «Калганский», «Городской округ «Город Чита»» → «Город_Чита».
 */
export function shortPlaceName(name: string): string {
  const quoted = /«([^»]+)»/.exec(name);
  const words = quoted ? quoted[1]!.split(/\s+/) : name.split(/\s+/).filter((w) => !GENERIC.has(w.toLowerCase()));
  const short = (words.length ? words : name.split(/\s+/))
    .join('_')
    .replace(/[^\p{L}\p{N}_-]+/gu, '')
    .slice(0, 60);
  return short || 'план';
}

/** «План_Калганский_2026.xlsx»; an approved version adds «_ред2». */
export function planFileName(doc: Pick<PlanDocument, 'placeName' | 'year' | 'version'>, extension: 'xlsx' | 'docx'): string {
  return `План_${shortPlaceName(doc.placeName)}_${doc.year}${doc.version ? `_ред${doc.version}` : ''}.${extension}`;
}
