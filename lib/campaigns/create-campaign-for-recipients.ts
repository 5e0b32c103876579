import { db } from "@/lib/db";
import { createCampaign, type CreatedCampaign } from "@/lib/campaigns/create-campaign";
import type { CreateCampaignWithRecipientsInput } from "@/lib/campaigns/schemas";
import { importContactNumbers } from "@/lib/contacts/import-contacts";
import { validateListNow } from "@/lib/contacts/validate-list-now";
import { logger } from "@/lib/logger";
import { requireApprovedSenderId } from "@/lib/sender-ids/require-approved-sender-id";
import { assertCallbackUrlAllowed } from "@/lib/webhooks/destination-policy";

const log = logger.child({ component: "campaigns" });

/**
 * `POST /v1/campaigns` with inline `dests` (up to 10,000 numbers, no list needed): the numbers
 * become a contact list of their own (source `campaign`), validated in this request exactly as an
 * upload would be (invalid numbers and duplicates are left out), then the campaign is created over
 * it as usual. If the campaign is refused, the list is removed again: nothing is left half-written.
 */
export async function createCampaignForRecipients(accountId: string, input: CreateCampaignWithRecipientsInput): Promise<CreatedCampaign & { contactListId: string }> {
  // The cheap refusals before any number is stored.
  if (input.callbackUrl) assertCallbackUrlAllowed(input.callbackUrl, "callbackUrl");
  await requireApprovedSenderId(accountId, input.from);

  const { dests, ...campaign } = input;
  const imported = await importContactNumbers(accountId, `${campaign.name} (recipients)`, dests, "campaign");
  try {
    if (imported.status !== "ready") await validateListNow(imported.contactListId, imported.jobId);
    const created = await createCampaign(accountId, { ...campaign, contactListId: imported.contactListId });
    return { ...created, contactListId: imported.contactListId };
  } catch (error) {
    await db
      .$transaction([
        db.contactList.delete({ where: { id: imported.contactListId } }),
        db.$executeRaw`DELETE FROM contact_verdicts WHERE list_id = ${imported.contactListId}::uuid`,
      ])
      .catch((cleanupError: unknown) => log.error("could not remove a refused campaign's recipients", { listId: imported.contactListId, err: cleanupError }));
    throw error;
  }
}
