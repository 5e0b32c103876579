import type { Metadata } from "next";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { UploadContactsForm } from "@/components/contacts/upload-contacts-form";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New contact list" };

export default async function NewContactListPage() {
  await requireUser();
  return (
    <>
      <PageHeader title="New contact list" description="Every number is checked: format, country, mobile network. You review the results before sending." />
      <Card>
        <CardBody>
          <UploadContactsForm />
        </CardBody>
      </Card>
    </>
  );
}
