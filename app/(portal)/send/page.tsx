import type { Metadata } from "next";
import { previewMessageAction, sendMessageAction } from "@/app/(portal)/send/actions";
import { SendMessageForm } from "@/components/messages/send-message-form";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listSenderIds } from "@/lib/sender-ids/get-sender-ids";

export const metadata: Metadata = { title: "Send" };

export default async function SendPage() {
  const user = await requireUser();
  const approved = (await listSenderIds(user.accountId)).filter((senderId) => senderId.status === "approved").map((senderId) => senderId.value);
  return (
    <>
      <PageHeader title="Send" description="Send a single SMS. The preview shows the parts, encoding and price before you send." />
      <Card>
        {approved.length === 0 ? (
          <EmptyState
            title="No approved sender ID yet"
            description="Messages need an approved sender ID. Request one; an operator reviews it."
            action={<ButtonLink href="/sender-ids">Request a sender ID</ButtonLink>}
          />
        ) : (
          <CardBody>
            <SendMessageForm senderIds={approved} sendMessageAction={sendMessageAction} previewMessageAction={previewMessageAction} />
          </CardBody>
        )}
      </Card>
    </>
  );
}
