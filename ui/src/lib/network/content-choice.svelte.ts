// Which linked partner's content the Content page shows. Kept outside the page so that
// "Open content" on a partner (in the directory, on Requests or the dashboard) opens that
// partner's catalog, and the page remembers the choice when the user comes back.

import type { SectionId } from "../shell/navigation";

export const contentChoice: { partnerId: number | null } = $state({ partnerId: null });

/** Chooses the partner the Content page opens with. */
export function chooseContent(partnerId: number): void {
  contentChoice.partnerId = partnerId;
}

/** Opens the Content page on `partnerId`'s catalog. */
export function openContent(partnerId: number, onnavigate: (id: SectionId) => void): void {
  chooseContent(partnerId);
  onnavigate("content");
}
