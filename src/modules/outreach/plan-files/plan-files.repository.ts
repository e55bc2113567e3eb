/** SQL the import needs beyond outreach.repository.ts: moving an item to its new place in the table. */
import type { Queryable } from '../../../db/client.js';

/** An item's section and position, when a file puts it elsewhere. */
export async function moveItem(db: Queryable, itemId: string, place: { sectionNumber: string; sectionTitle: string; sortOrder: number }): Promise<void> {
  await db.query('update outreach_plan_items set section_number = $2, section_title = $3, sort_order = $4, updated_at = now() where id = $1', [
    itemId,
    place.sectionNumber,
    place.sectionTitle,
    place.sortOrder,
  ]);
}
